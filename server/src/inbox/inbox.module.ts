import { Module } from '@nestjs/common';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** "Venter på deg": the start page of the secretariat and the kommune contacts. */
@Module({
  controllers: [InboxController],
  providers: [InboxService],
})
export class InboxModule {}
