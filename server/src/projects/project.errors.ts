import { CodesOf, defineErrors } from '../common/error-registry';

/** A project and its phases, for every operation inside a project. */
export const PROJECT_ERRORS = defineErrors(
  { tags: ['projects', 'deliverables', 'gates', 'plans', 'documents', 'status reports', 'comments'] },
  {
    PROJECT_NOT_FOUND: 404,
    PHASE_NOT_FOUND: 404,
    KOMMUNE_NOT_IN_REGION: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof PROJECT_ERRORS> {}
}
