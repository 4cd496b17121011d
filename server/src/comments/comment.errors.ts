import { CodesOf, defineErrors } from '../common/error-registry';

/** Comments and their targets. */
export const COMMENT_ERRORS = defineErrors(
  { tags: ['comments'] },
  {
    COMMENT_NOT_FOUND: 404,
    COMMENT_TARGET_NOT_FOUND: 404,
    /** The text mentions an address or id of nobody who may read the project (params: handles, count). */
    COMMENT_MENTION_UNKNOWN: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof COMMENT_ERRORS> {}
}
