import { Module } from '@nestjs/common';
import { FileModule } from '../files/file.module';
import { NotificationModule } from '../notifications/notification.module';
import { ProjectModule } from '../projects/project.module';
import { DeliverableController } from './deliverable.controller';
import { DeliverableService } from './deliverable.service';
import { FirstDraftService } from './first-draft';
import './deliverable.errors'; // declares this feature's error codes
import './first-draft.errors';

/** A phase's deliverables: text and files, submitted, reviewed and accepted. */
@Module({
  imports: [ProjectModule, FileModule, NotificationModule],
  controllers: [DeliverableController],
  providers: [DeliverableService, FirstDraftService],
  exports: [DeliverableService],
})
export class DeliverableModule {}
