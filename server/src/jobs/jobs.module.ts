import { Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service';
import { JobWorker } from './job-worker';

/** Background work on a Postgres job queue: features register handlers and recurring jobs with JobQueue. */
@Module({
  providers: [JobQueue, JobWorker],
  exports: [JobQueue],
})
export class JobsModule {}
