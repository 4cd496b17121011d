import { Module } from '@nestjs/common';
import { FileModule } from '../files/file.module';
import { PlanModule } from '../plans/plan.module';
import { ProjectModule } from '../projects/project.module';
import { GateController } from './gate.controller';
import { GateService } from './gate.service';
import './gate.errors'; // declares this feature's error codes

/** The decision gate at the end of each phase: checklist, submission, the regionråd's decision and its minutes. */
@Module({
  imports: [ProjectModule, FileModule, PlanModule],
  controllers: [GateController],
  providers: [GateService],
  exports: [GateService],
})
export class GateModule {}
