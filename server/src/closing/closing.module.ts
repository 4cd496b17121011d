import { Module } from '@nestjs/common';
import { BenefitModule } from '../benefits/benefit.module';
import { ProjectModule } from '../projects/project.module';
import { StatusReportModule } from '../status-reports/status-report.module';
import { ClosingController } from './closing.controller';
import { ClosingService } from './closing.service';
import { ClosingDecisionService } from './closing-decision.service';
import { ClosingDocumentService } from './closing-document.service';
import { ClosingEvaluationService } from './closing-evaluation.service';
import { ClosingLessonService } from './closing-lesson.service';
import { ClosingReportService } from './closing-report.service';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';
import './closing.errors'; // declares this feature's error codes

/**
 * Closing the hovedprosjekt: the final report, the success-factor evaluations of the leader and the owner,
 * the lessons log, the owner's closing decision (which hands the benefits over through BenefitService), the
 * report as a document; and the lessons and scores across regions for advisers.
 */
@Module({
  imports: [ProjectModule, StatusReportModule, BenefitModule],
  controllers: [ClosingController, LessonsController],
  providers: [
    ClosingService,
    ClosingReportService,
    ClosingEvaluationService,
    ClosingLessonService,
    ClosingDecisionService,
    ClosingDocumentService,
    LessonsService,
  ],
  exports: [ClosingService],
})
export class ClosingModule {}
