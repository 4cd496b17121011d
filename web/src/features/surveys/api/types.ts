// Named types for the survey routes, derived from the generated `paths` (like src/api/types.ts) so they
// follow the server's OpenAPI document. The generated question shape (SurveyQuestionDto) matches
// SurveyQuestion of @nvr/shared field for field, so the components use either without a cast.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type SurveysPath = paths['/api/projects/{id}/surveys'];
type SurveyPath = paths['/api/projects/{id}/surveys/{surveyId}'];

/** One row of a project's list of surveys. */
export type SurveySummary = JsonOf<SurveysPath['get']['responses'][200]>[number];
/** One survey: texts, questions, settings and (for editors) its links; `locked` once it has answers. */
export type Survey = JsonOf<SurveyPath['get']['responses'][200]>;
/** A public link to a survey (shown only to those who may edit the project). */
export type SurveyLink = Survey['links'][number];

export type CreateSurveyBody = JsonOf<SurveysPath['post']['requestBody']>;
export type UpdateSurveyBody = JsonOf<SurveyPath['patch']['requestBody']>;
export type OpenSurveyBody = JsonOf<paths['/api/projects/{id}/surveys/{surveyId}/open']['post']['requestBody']>;
export type CreateLinkBody = JsonOf<paths['/api/projects/{id}/surveys/{surveyId}/links']['post']['requestBody']>;

export type SurveyResults = JsonOf<paths['/api/projects/{id}/surveys/{surveyId}/results']['get']['responses'][200]>;
/** One question's results (shared QuestionTally, plus the free texts for editors). */
export type QuestionResult = SurveyResults['questions'][number];
/** Count and share (0..1 of those who answered the question) of one option or scale step. */
export type OptionCount = NonNullable<QuestionResult['options']>[number];
/** One free-text answer (shown to editors). */
export type TextAnswer = NonNullable<QuestionResult['texts']>[number];

/** One question by a grouping; cells of suppressed groups are null. */
export type SurveyCrossTab = JsonOf<paths['/api/projects/{id}/surveys/{surveyId}/crosstab']['get']['responses'][200]>;
export type CrossTabQuery = paths['/api/projects/{id}/surveys/{surveyId}/crosstab']['get']['parameters']['query'];
export type CrossTabGroup = SurveyCrossTab['groups'][number];
export type CrossTabCell = SurveyCrossTab['rows'][number]['total'];

export type ImportResult = JsonOf<paths['/api/projects/{id}/surveys/{surveyId}/imports']['post']['responses'][200]>;
export type ImportProblem = ImportResult['problems'][number];
export type ImportQuery = NonNullable<paths['/api/projects/{id}/surveys/{surveyId}/imports']['post']['parameters']['query']>;

/**
 * The import's column mapping. The API takes it as a JSON string in the multipart field `mapping`
 * (documented in its description, not as a schema), so its shape is spelled out here.
 */
export interface ImportMapping {
  columns: Record<string, string>;
  kommuneColumn?: string;
}

/** A template of the library (GET /api/templates); survey templates have kind 'survey' and questions. */
export type SurveyTemplate = JsonOf<paths['/api/templates']['get']['responses'][200]>[number];
