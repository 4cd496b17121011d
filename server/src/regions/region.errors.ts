import { CodesOf, defineErrors } from '../common/error-registry';

/** Regions and their member kommuner over time. */
export const REGION_ERRORS = defineErrors(
  { tags: ['regions', 'kommuner', 'projects'] },
  {
    REGION_NOT_FOUND: 404,
    REGION_NAME_TAKEN: 409,
    MEMBERSHIP_NOT_FOUND: 404,
    MEMBERSHIP_OVERLAP: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof REGION_ERRORS> {}
}
