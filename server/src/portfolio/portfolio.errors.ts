import { CodesOf, defineErrors } from '../common/error-registry';

/** The portfolio's pages. */
export const PORTFOLIO_ERRORS = defineErrors(
  { tags: ['portfolio'] },
  {
    PORTFOLIO_CURSOR_INVALID: 400,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof PORTFOLIO_ERRORS> {}
}
