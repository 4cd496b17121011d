import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import type { ProjectAction, RegionAction } from '@nvr/shared';
import { ApiErrors, type DocumentedStatus } from '../openapi/api-errors.decorator';

/**
 * The access rule of a route. Every route must have exactly one; the guard refuses routes without
 * (and a test lists them), so nothing is reachable by accident.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'admin' }
  | { kind: 'region'; action: RegionAction; param: string }
  | { kind: 'project'; action: ProjectAction; param: string };

export const ACCESS_RULE = 'nvr:access-rule';

const rule = (r: AccessRule, ...statuses: DocumentedStatus[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, r), ApiCookieAuth('session'), ApiSecurity('csrf'), ApiErrors(401, ...statuses));

export const Access = {
  /** No session needed (health, login). */
  public: () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule),
  /** Any signed-in person; the service narrows what they see. */
  signedIn: () => rule({ kind: 'signedIn' }),
  admin: () => rule({ kind: 'admin' }, 403),
  /** An action on the region named by the route parameter (default `id`). Regions one may not read answer 404. */
  region: (action: RegionAction, param = 'id') => rule({ kind: 'region', action, param }, 403, 404),
  /** An action on the project named by the route parameter. Projects one may not read answer 404. */
  project: (action: ProjectAction, param = 'id') => rule({ kind: 'project', action, param }, 403, 404),
};
