import { Module } from '@nestjs/common';
import { DeliverableController } from '../deliverables/deliverable.controller';
import { DeliverableService } from '../deliverables/deliverable.service';
import { FileService } from '../files/file.service';
import { GateController } from '../gates/gate.controller';
import { GateService } from '../gates/gate.service';
import { HistoryService } from '../history/history.service';
import { ProjectController } from './project.controller';
import { ProjectService } from './project.service';

/** The PLP journey: projects, their phases, deliverables and decision gates, and the history of it all. */
@Module({
  controllers: [ProjectController, DeliverableController, GateController],
  providers: [ProjectService, DeliverableService, GateService, FileService, HistoryService],
  exports: [ProjectService, HistoryService],
})
export class ProjectModule {}
