import { CodesOf, defineErrors } from '../common/error-registry';

/** Accounts and roles; a person chosen as leader, member or owner must exist. */
export const USER_ERRORS = defineErrors(
  { tags: ['users', 'projects', 'deliverables'] },
  {
    USER_NOT_FOUND: 404,
    EMAIL_TAKEN: 409,
    ROLE_SCOPE_INVALID: 422,
    LAST_ADMIN: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof USER_ERRORS> {}
}
