import { Module } from '@nestjs/common';
import { CaseDataKeeper } from './case-data-keeper';
import { DeliverableModule } from '../deliverables/deliverable.module';
import { GateModule } from '../gates/gate.module';
import { KommuneCaseModule } from '../kommune-cases/kommune-case.module';
import { PlanModule } from '../plans/plan.module';
import { ProjectModule } from '../projects/project.module';
import { DocumentController } from './document.controller';
import { DocumentService } from './document.service';
import './document.errors'; // declares this feature's error codes

/** PDF and Word documents: the phase plan, deliverables, the decision basis, and each gate's case document and extract of the minutes. */
@Module({
  imports: [ProjectModule, PlanModule, DeliverableModule, GateModule, KommuneCaseModule],
  controllers: [DocumentController],
  providers: [DocumentService, CaseDataKeeper],
  exports: [DocumentService],
})
export class DocumentModule {}
