import { CodesOf, defineErrors } from '../common/error-registry';

/** Kommuner and their population figures. */
export const KOMMUNE_ERRORS = defineErrors(
  { tags: ['kommuner', 'regions', 'projects'] },
  {
    KOMMUNE_NOT_FOUND: 404,
    KOMMUNE_NUMBER_TAKEN: 409,
    KOMMUNE_COUNTY_MISMATCH: 422,
    KOMMUNE_IN_USE: 409,
    POPULATION_NOT_FOUND: 404,
    SSB_YEAR_NOT_AVAILABLE: 422,
    SSB_REFRESH_OFF: 409,
    SSB_UNAVAILABLE: 503,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof KOMMUNE_ERRORS> {}
}
