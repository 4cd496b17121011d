import { Module } from '@nestjs/common';
import { DeliverableController } from '../deliverables/deliverable.controller';
import { DocumentController } from '../documents/document.controller';
import { DocumentService } from '../documents/document.service';
import { PlanController } from '../plans/plan.controller';
import { PlanService } from '../plans/plan.service';
import { TemplateController } from '../templates/template.controller';
import { TemplateService } from '../templates/template.service';
import { DeliverableService } from '../deliverables/deliverable.service';
import { FileService } from '../files/file.service';
import { GateController } from '../gates/gate.controller';
import { GateService } from '../gates/gate.service';
import { HistoryService } from '../history/history.service';
import { ProjectController } from './project.controller';
import { ProjectService } from './project.service';
import { ProjectChanges } from './project-changes';

/** The PLP journey: projects, their phases, plans from templates with budgets, deliverables, decision gates, documents, and the history of it all. */
@Module({
  controllers: [ProjectController, DeliverableController, GateController, PlanController, TemplateController, DocumentController],
  providers: [
    ProjectService,
    ProjectChanges,
    DeliverableService,
    GateService,
    FileService,
    HistoryService,
    PlanService,
    TemplateService,
    DocumentService,
  ],
  exports: [ProjectService, HistoryService, ProjectChanges],
})
export class ProjectModule {}
