// Named types for the closing routes, derived from the generated `paths` so they follow the server's OpenAPI document.
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

type ClosingPath = paths['/api/projects/{id}/closing'];

/** A project's closing: final report, both evaluations, lessons, readiness, decision and what the reader may do. */
export type Closing = JsonOf<ClosingPath['get']['responses'][200]>;
export type ClosingReport = NonNullable<Closing['report']>;
export type Evaluation = NonNullable<Closing['evaluations']['leader']>;
export type Lesson = Closing['lessons'][number];
export type ClosingDecision = NonNullable<Closing['decision']>;
export type ClosingCheck = Closing['readiness']['checks'][number];

export type StartReportBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/report']['post']['requestBody']>>;
export type UpdateReportBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/report']['put']['requestBody']>>;
export type SaveEvaluationBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/evaluations/leader']['put']['requestBody']>>;
export type CreateLessonBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/lessons']['post']['requestBody']>>;
export type UpdateLessonBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/lessons/{lessonId}']['patch']['requestBody']>>;
export type ClosingDecisionBody = JsonOf<NonNullable<paths['/api/projects/{id}/closing/decision']['post']['requestBody']>>;

/** Learning across regions. */
export type LessonsOverview = JsonOf<paths['/api/lessons']['get']['responses'][200]>;
export type LessonsFilter = NonNullable<paths['/api/lessons']['get']['parameters']['query']>;
export type FactorSummary = LessonsOverview['factors'][number];
export type LessonHit = LessonsOverview['lessons'][number];
