import { CodesOf, defineErrors } from '../common/error-registry';

/** Closing the hovedprosjekt: the final report, the evaluations, the lessons log and the owner's closing decision. */
export const CLOSING_ERRORS = defineErrors(
  { tags: ['closing', 'lessons'] },
  {
    /** The project has no final report yet: start it from the outline first. */
    CLOSING_REPORT_NOT_FOUND: 404,
    CLOSING_LESSON_NOT_FOUND: 404,
    /** Filtering lessons on a region one does not follow (the regions' own code, listed for the lessons too). */
    REGION_NOT_FOUND: 404,
    /** The final report has been started already (it is edited, not started again). */
    CLOSING_REPORT_EXISTS: 409,
    /** The project is not in its hovedprosjekt yet: the forstudie or the forprosjekt is under way. */
    CLOSING_NOT_IN_HOVEDPROSJEKT: 409,
    /** The hovedprosjekt waits at its gate: that decision is the owner's to take there (or send it back). */
    CLOSING_AT_GATE: 409,
    /** The project has ended; what was written about its closing is kept as it was. */
    CLOSING_PROJECT_ENDED: 409,
    /** The final report, the leader's or the owner's evaluation is missing, and no reason was given to decide without it. */
    CLOSING_NOT_READY: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof CLOSING_ERRORS> {}
}
