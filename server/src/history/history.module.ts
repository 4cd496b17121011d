import { Module } from '@nestjs/common';
import { HistoryService } from './history.service';

/** The append-only history of each project. */
@Module({
  providers: [HistoryService],
  exports: [HistoryService],
})
export class HistoryModule {}
