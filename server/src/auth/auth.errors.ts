import { CodesOf, defineErrors } from '../common/error-registry';

/** Signing in and changing one's own password. */
export const AUTH_ERRORS = defineErrors(
  { tags: ['auth', 'invitations'] },
  {
    INVALID_CREDENTIALS: 401,
    TOO_MANY_ATTEMPTS: 429,
    CURRENT_PASSWORD_WRONG: 422,
    PASSWORD_SIGN_IN_OFF: 403,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof AUTH_ERRORS> {}
}
