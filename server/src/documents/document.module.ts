import { Module } from '@nestjs/common';
import { DeliverableModule } from '../deliverables/deliverable.module';
import { GateModule } from '../gates/gate.module';
import { PlanModule } from '../plans/plan.module';
import { ProjectModule } from '../projects/project.module';
import { DocumentController } from './document.controller';
import { DocumentService } from './document.service';

/** PDF and Word documents: the phase plan and the decision basis. */
@Module({
  imports: [ProjectModule, PlanModule, DeliverableModule, GateModule],
  controllers: [DocumentController],
  providers: [DocumentService],
})
export class DocumentModule {}
