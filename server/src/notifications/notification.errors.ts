import { CodesOf, defineErrors } from '../common/error-registry';

/** A person's notifications. */
export const NOTIFICATION_ERRORS = defineErrors(
  { tags: ['notifications'] },
  {
    NOTIFICATION_NOT_FOUND: 404,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof NOTIFICATION_ERRORS> {}
}
