import { CodesOf, defineErrors } from '../common/error-registry';

/** Interviews, meetings and workshops of the kartlegging, and the needs overview. */
export const CONVERSATION_ERRORS = defineErrors(
  { tags: ['conversations'] },
  {
    CONVERSATION_NOT_FOUND: 404,
    NAMES_WITHOUT_CONSENT: 422,
    KOMMUNE_NOT_IN_PROJECT: 422,
    GUIDE_NOT_FOUND: 422,
    GUIDE_SECTION_UNKNOWN: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof CONVERSATION_ERRORS> {}
}
