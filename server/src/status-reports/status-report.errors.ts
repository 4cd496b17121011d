import { CodesOf, defineErrors } from '../common/error-registry';

/** Monthly status reports. */
export const STATUS_REPORT_ERRORS = defineErrors(
  { tags: ['status reports', 'comments'] },
  {
    STATUS_REPORT_NOT_FOUND: 404,
    STATUS_REPORT_PERIOD_TAKEN: 409,
    STATUS_REPORT_PUBLISHED: 409,
    STATUS_REPORT_INCOMPLETE: 422,
    STATUS_REPORT_COMMENT_MISSING: 422,
    STATUS_REPORT_PERIOD_NOT_OVER: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof STATUS_REPORT_ERRORS> {}
}
