import type { Lang, RoleAssignment } from '@nvr/shared';

/** The signed-in person behind a request, with every role they hold. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  /** The language they chose: their e-mails are written in it. */
  language: Lang;
  roles: RoleAssignment[];
  csrfToken: string;
  sessionTokenHash: string;
}

export interface RequestWithPrincipal {
  principal?: Principal;
}
