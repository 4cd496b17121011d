import { CodesOf, defineErrors } from '../common/error-registry';

/**
 * Signing in with an OpenID Connect provider. The callback is a browser navigation: it answers these codes
 * as a redirect to the sign-in page (`/logg-inn?feil=CODE`), which shows the message.
 */
export const OIDC_ERRORS = defineErrors(
  { tags: ['auth'] },
  {
    OIDC_PROVIDER_NOT_FOUND: 404,
    OIDC_PROVIDER_UNAVAILABLE: 503,
    OIDC_STATE_INVALID: 400,
    OIDC_SIGN_IN_FAILED: 401,
    OIDC_EMAIL_NOT_VERIFIED: 403,
    OIDC_DOMAIN_NOT_SERVED: 403,
    OIDC_NO_ACCOUNT: 403,
    OIDC_ACCOUNT_DEACTIVATED: 403,
    OIDC_IDENTITY_TAKEN: 409,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof OIDC_ERRORS> {}
}
