import { CodesOf, defineErrors } from '../common/error-registry';

/** A survey's results, exports, report chapter, imports and the deletion of raw answers. */
export const SURVEY_RESULTS_ERRORS = defineErrors(
  { tags: ['surveys'] },
  {
    SURVEY_RESPONSE_NOT_FOUND: 404,
    SURVEY_QUESTION_NOT_FOUND: 422,
    SURVEY_RAW_DELETED: 409,
    SURVEY_IMPORT_INVALID: 422,
    SURVEY_IMPORT_FILE_INVALID: 422,
    SURVEY_IMPORT_TOO_LARGE: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof SURVEY_RESULTS_ERRORS> {}
}
