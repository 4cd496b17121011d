import { CodesOf, defineErrors } from '../common/error-registry';

/** The case documents of a gate: the saksframlegg needs a submission, the protokollutdrag a decision. */
export const DOCUMENT_ERRORS = defineErrors(
  { tags: ['documents'] },
  {
    CASE_DOCUMENT_NO_SUBMISSION: 409,
    CASE_DOCUMENT_STEP_NOT_FOUND: 404,
    CASE_DOCUMENT_SUBMISSION_NOT_FOUND: 404,
    MINUTES_NO_DECISION: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof DOCUMENT_ERRORS> {}
}
