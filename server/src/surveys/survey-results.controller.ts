import { Controller } from '@nestjs/common';

/** Results, cross-tabulations, exports, the report chapter and imports of a project's surveys (filled by the results work). */
@Controller('projects/:id/surveys/:surveyId')
export class SurveyResultsController {}
