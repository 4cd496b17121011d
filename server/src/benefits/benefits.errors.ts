import { CodesOf, defineErrors } from '../common/error-registry';

/** The benefits register: benefits, their indicators and the measurements of each. */
export const BENEFIT_ERRORS = defineErrors(
  { tags: ['benefits'] },
  {
    BENEFIT_NOT_FOUND: 404,
    BENEFIT_INDICATOR_NOT_FOUND: 404,
    BENEFIT_MEASUREMENT_NOT_FOUND: 404,
    /** The benefit area named is not one of the benefit areas of the project's plans. */
    BENEFIT_AREA_NOT_IN_PLAN: 422,
    /** The owner must be a person of the project or its region who may read it (not an adviser). */
    BENEFIT_OWNER_NOT_ALLOWED: 422,
    /** An indicator's target must differ from its start value, so there is a way to go. */
    BENEFIT_TARGET_EQUALS_START: 422,
    /** An indicator's target date must come after its start date. */
    BENEFIT_TARGET_DATE_NOT_AFTER_START: 422,
    /** A measurement is dated from the indicator's start date up to today. */
    BENEFIT_MEASUREMENT_BEFORE_START: 422,
    BENEFIT_MEASUREMENT_IN_FUTURE: 422,
    /** One measurement per indicator and day: correct the one that is there. */
    BENEFIT_MEASUREMENT_DATE_TAKEN: 409,
    /** A benefit or indicator with measurements is kept (close the indicator instead), or its measurements deleted first. */
    BENEFIT_HAS_MEASUREMENTS: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof BENEFIT_ERRORS> {}
}
