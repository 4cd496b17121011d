import { Module } from '@nestjs/common';
import { CaseRouteModule } from '../case-route/case-route.module';
import { FileModule } from '../files/file.module';
import { KommuneCaseModule } from '../kommune-cases/kommune-case.module';
import { NotificationModule } from '../notifications/notification.module';
import { PlanModule } from '../plans/plan.module';
import { ProjectModule } from '../projects/project.module';
import { GateController } from './gate.controller';
import { GateService } from './gate.service';
import './gate.errors'; // declares this feature's error codes

/** The decision gate at the end of each phase: checklist, submission, the regionråd's decision and its minutes. */
@Module({
  imports: [ProjectModule, FileModule, PlanModule, CaseRouteModule, KommuneCaseModule, NotificationModule],
  controllers: [GateController],
  providers: [GateService],
  exports: [GateService],
})
export class GateModule {}
