import { Module } from '@nestjs/common';
import { GateSubmissionHooks } from './gate-submission-hooks';
import { CaseRouteModule } from '../case-route/case-route.module';
import { FileModule } from '../files/file.module';
import { KommuneCaseModule } from '../kommune-cases/kommune-case.module';
import { NotificationModule } from '../notifications/notification.module';
import { PlanModule } from '../plans/plan.module';
import { ProjectModule } from '../projects/project.module';
import { GateConditionService } from './gate-condition.service';
import { GateController } from './gate.controller';
import { GateDecisionService } from './gate-decision.service';
import { GateMinutesService } from './gate-minutes.service';
import { GateService } from './gate.service';
import { GateSubmissionService } from './gate-submission.service';
import './gate.errors'; // declares this feature's error codes

/** The decision gate at the end of each phase: checklist, submission, the regionråd's decision and its minutes. */
@Module({
  imports: [ProjectModule, FileModule, PlanModule, CaseRouteModule, KommuneCaseModule, NotificationModule],
  controllers: [GateController],
  providers: [GateService, GateSubmissionHooks, GateSubmissionService, GateDecisionService, GateConditionService, GateMinutesService],
  exports: [GateService, GateSubmissionHooks],
})
export class GateModule {}
