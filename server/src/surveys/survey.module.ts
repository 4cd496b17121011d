import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ProjectModule } from '../projects/project.module';
import { PublicSurveyController } from './public-survey.controller';
import { PublicSurveyService } from './public-survey.service';
import { SurveyResultsController } from './survey-results.controller';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRetention } from './survey-retention';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';
import './survey.errors'; // declares this feature's error codes

/** A project's surveys: questions, public answer links, the respondents' form, and the results. */
@Module({
  imports: [ProjectModule, JobsModule],
  controllers: [SurveyController, SurveyResultsController, PublicSurveyController],
  providers: [SurveyService, SurveyResultsService, SurveyRetention, PublicSurveyService],
  exports: [SurveyService, SurveyResultsService],
})
export class SurveyModule {}
