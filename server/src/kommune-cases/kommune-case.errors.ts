import { CodesOf, defineErrors } from '../common/error-registry';

/** Each kommunestyre's decision on a gate that asks the kommuner for money. */
export const KOMMUNE_CASE_ERRORS = defineErrors(
  { tags: ['kommune cases', 'gates'] },
  {
    KOMMUNE_CASE_NOT_FOUND: 404,
    KOMMUNE_LEFT_PROJECT: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof KOMMUNE_CASE_ERRORS> {}
}
