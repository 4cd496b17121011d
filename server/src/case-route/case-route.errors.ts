import { CodesOf, defineErrors } from '../common/error-registry';

/** A region's case route and each gate case's steps through its bodies. */
export const CASE_ROUTE_ERRORS = defineErrors(
  { tags: ['case route', 'gates', 'regions'] },
  {
    CASE_ROUTE_NO_OWNER: 422,
    CASE_STEP_NOT_FOUND: 404,
    CASE_STEP_OUT_OF_ORDER: 409,
    CASE_STEP_ALREADY_HANDLED: 409,
    CASE_STEP_DECIDES: 409,
    CASE_NOT_AT_DECIDING_BODY: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof CASE_ROUTE_ERRORS> {}
}
