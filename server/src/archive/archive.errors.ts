import { CodesOf, defineErrors } from '../common/error-registry';

/**
 * The archive export: a date range must run forwards; a gate's package needs a case. The project's own
 * codes are listed again (same status) so the archive operations document them too.
 */
export const ARCHIVE_ERRORS = defineErrors(
  { tags: ['archive'] },
  {
    ARCHIVE_BAD_RANGE: 400,
    ARCHIVE_NO_CASE: 409,
    PROJECT_NOT_FOUND: 404,
    PHASE_NOT_FOUND: 404,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof ARCHIVE_ERRORS> {}
}
