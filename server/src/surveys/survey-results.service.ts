import { Injectable } from '@nestjs/common';

/** Results, cross-tabulations, exports, the report chapter and imports of a project's surveys. */
@Injectable()
export class SurveyResultsService {}
