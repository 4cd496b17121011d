import { CodesOf, defineErrors } from '../common/error-registry';

/** Phase plans, budgets and cost sharing. */
export const PLAN_ERRORS = defineErrors(
  { tags: ['plans', 'gates', 'documents'] },
  {
    PLAN_REQUIRED: 422,
    COST_SHARING_NO_POPULATION: 422,
    COST_SHARING_NO_CONTRIBUTION: 422,
    COST_SHARING_NO_PARTIES: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof PLAN_ERRORS> {}
}
