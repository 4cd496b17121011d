import { CodesOf, defineErrors } from '../common/error-registry';

/** The recommendations register of the forstudie. */
export const RECOMMENDATION_ERRORS = defineErrors(
  { tags: ['recommendations'] },
  {
    RECOMMENDATION_NOT_FOUND: 404,
    EVIDENCE_NOT_IN_PROJECT: 422,
    RECOMMENDATION_STATUS_NOT_ALLOWED: 409,
    RECOMMENDATION_NOT_EDITABLE: 409,
    PLAN_LOCKED: 409,
    PLAN_HAS_NO_SUBGOALS: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof RECOMMENDATION_ERRORS> {}
}
