import { CodesOf, defineErrors } from '../common/error-registry';

/** The risk register of a project. */
export const RISK_ERRORS = defineErrors(
  { tags: ['risks'] },
  {
    RISK_NOT_FOUND: 404,
    /** The scores and measures do not hold together (shared riskAssessmentProblems); each problem at its field. */
    RISK_ASSESSMENT_INVALID: 422,
    /** The owner must be someone who takes part in the project or its region. */
    RISK_OWNER_NOT_ELIGIBLE: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof RISK_ERRORS> {}
}
