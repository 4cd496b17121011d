import { CodesOf, defineErrors } from '../common/error-registry';

/** A phase's deliverables. */
export const DELIVERABLE_ERRORS = defineErrors(
  { tags: ['deliverables', 'documents', 'comments'] },
  {
    DELIVERABLE_NOT_FOUND: 404,
    DELIVERABLE_EMPTY: 422,
    PLAN_INCOMPLETE: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof DELIVERABLE_ERRORS> {}
}
