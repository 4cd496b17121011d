import { CodesOf, defineErrors } from '../common/error-registry';

/** A project's surveys and their links (leader side). */
export const SURVEY_ERRORS = defineErrors(
  { tags: ['surveys'] },
  {
    PROJECT_NOT_FOUND: 404,
    SURVEY_NOT_FOUND: 404,
    SURVEY_LINK_NOT_FOUND: 404,
    SURVEY_LOCKED: 409,
    SURVEY_HAS_ANSWERS: 409,
    SURVEY_LINK_EXISTS: 409,
    SURVEY_NO_QUESTIONS: 422,
    SURVEY_DEFINITION_INVALID: 422,
    SURVEY_TEMPLATE_NOT_FOUND: 422,
    KOMMUNE_NOT_IN_PROJECT: 422,
  },
);

/** The respondents' public form. */
export const PUBLIC_SURVEY_ERRORS = defineErrors(
  { tags: ['public-surveys'] },
  {
    SURVEY_LINK_NOT_FOUND: 404,
    SURVEY_NOT_OPEN: 409,
    SURVEY_CHANGED: 409,
    SURVEY_CLOSED: 410,
    SURVEY_ANSWERS_INVALID: 422,
    RATE_LIMITED: 429,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof SURVEY_ERRORS> {}
  interface ErrorCatalogue extends CodesOf<typeof PUBLIC_SURVEY_ERRORS> {}
}
