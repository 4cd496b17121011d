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

/** A phase's dates: the actual start of a phase already under way, and what its state allows. */
export const PHASE_DATE_ERRORS = defineErrors(
  { tags: ['projects'] },
  {
    /** The actual start would come before the previous phase's end or after something already recorded in the phase. */
    PHASE_DATES_OUT_OF_ORDER: 422,
    /** Only a phase that has started has an actual start. */
    PHASE_NOT_STARTED: 409,
    /** The phase has been submitted; its dates are part of the package the owner decides on. */
    PHASE_AWAITING_DECISION: 409,
    /** A completed or stopped phase keeps its dates. */
    PHASE_ENDED: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof PROJECT_ERRORS> {}
  interface ErrorCatalogue extends CodesOf<typeof PHASE_DATE_ERRORS> {}
}
