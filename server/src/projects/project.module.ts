import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module';
import { UserModule } from '../users/user.module';
import { ProjectChanges } from './project-changes';
import { ProjectController } from './project.controller';
import { ProjectService } from './project.service';
import { ProjectPageService } from './project-page.service';
import './project.errors'; // declares this feature's error codes

/**
 * The project core: projects, their phases and team, and the one unit of work every change to a project
 * goes through. The features of a project (plans, deliverables, gates, documents, status reports,
 * comments) are modules of their own that import this one.
 */
@Module({
  imports: [HistoryModule, UserModule],
  controllers: [ProjectController],
  providers: [ProjectService, ProjectPageService, ProjectChanges],
  exports: [ProjectService, ProjectChanges, HistoryModule],
})
export class ProjectModule {}
