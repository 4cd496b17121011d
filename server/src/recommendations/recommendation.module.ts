import { Module } from '@nestjs/common';
import { ProjectModule } from '../projects/project.module';
import { TemplateModule } from '../templates/template.module';
import { RecommendationController } from './recommendation.controller';
import { RecommendationService } from './recommendation.service';
import './recommendation.errors'; // declares this feature's error codes

/** The forstudie's recommendations register; adopted recommendations become sub-goals of the forprosjekt plan. */
@Module({
  imports: [ProjectModule, TemplateModule],
  controllers: [RecommendationController],
  providers: [RecommendationService],
  exports: [RecommendationService],
})
export class RecommendationModule {}
