import { CodesOf, defineErrors } from '../common/error-registry';

/** First drafts of deliverables from the forstudie's mapping (first-draft.ts). */
export const FIRST_DRAFT_ERRORS = defineErrors(
  { tags: ['deliverables'] },
  {
    NO_FIRST_DRAFT: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof FIRST_DRAFT_ERRORS> {}
}
