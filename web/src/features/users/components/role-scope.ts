import { ROLE_SCOPE, type Role } from '@nvr/shared';

/** Whether the role is given on this screen (admin and region roles) rather than on a project's page. */
export function isRoleAssignable(role: Role): boolean {
  return ROLE_SCOPE[role] !== 'project';
}
