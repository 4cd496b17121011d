import { CodesOf, defineErrors } from '../common/error-registry';

/** The decision gate: submission, decision, minutes. */
export const GATE_ERRORS = defineErrors(
  { tags: ['gates', 'documents'] },
  {
    DECISION_NOT_FOUND: 404,
    GATE_NOT_READY: 422,
    GATE_NOT_AWAITING_DECISION: 409,
    GATE_ALREADY_DECIDED: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof GATE_ERRORS> {}
}
