import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { TemplateModule } from '../templates/template.module';
import { PlanController } from './plan.controller';
import { PlanService } from './plan.service';
import './plan.errors'; // declares this feature's error codes

/** Each phase's plan from its template, with budget, cost sharing and saved versions. */
@Module({
  imports: [ProjectModule, TemplateModule],
  controllers: [PlanController],
  providers: [PlanService],
  exports: [PlanService],
})
export class PlanModule {}
