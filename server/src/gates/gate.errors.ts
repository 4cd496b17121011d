import { CodesOf, defineErrors } from '../common/error-registry';

/** The decision gate: submission, decision, minutes, conditions. */
export const GATE_ERRORS = defineErrors(
  { tags: ['gates', 'documents'] },
  {
    DECISION_NOT_FOUND: 404,
    SUBMISSION_NOT_FOUND: 404,
    CONDITION_NOT_FOUND: 404,
    GATE_NOT_READY: 422,
    GATE_NOT_AWAITING_DECISION: 409,
    GATE_ALREADY_DECIDED: 409,
    PHASE_NOT_AT_GATE: 409,
    GATE_NOT_SUBMITTED: 409,
    CONDITION_NEEDS_EVIDENCE: 422,
    CONDITIONS_ON_LAST_GATE: 422,
    ALL_KOMMUNER_SAID_NO: 409,
    CONDITION_CLOSED: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof GATE_ERRORS> {}
}
