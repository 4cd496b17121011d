import { CodesOf, defineErrors } from '../common/error-registry';

/** Invitations by e-mail, and accepting one. */
export const INVITATION_ERRORS = defineErrors(
  { tags: ['invitations'] },
  {
    INVITATION_NOT_FOUND: 404,
    INVITATION_EXPIRED: 410,
    INVITATION_USED: 409,
    INVITATION_PENDING: 409,
    INVITATION_SCOPE_INVALID: 422,
  },
);

declare module '../common/error-registry' {
  interface ErrorCatalogue extends CodesOf<typeof INVITATION_ERRORS> {}
}
