import type { RoleAssignment } from '@nvr/shared';

/** The signed-in person behind a request, with every role they hold. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  roles: RoleAssignment[];
  csrfToken: string;
  sessionTokenHash: string;
}

export interface RequestWithPrincipal {
  principal?: Principal;
}
