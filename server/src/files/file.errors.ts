import { CodesOf, defineErrors } from '../common/error-registry';

/** Uploaded files. */
export const FILE_ERRORS = defineErrors(
  { tags: ['deliverables', 'gates'] },
  {
    FILE_NOT_FOUND: 404,
    FILE_TOO_LARGE: 422,
    FILE_TYPE_NOT_ALLOWED: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof FILE_ERRORS> {}
}
