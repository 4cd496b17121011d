import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Invitation } from '../../../api/types';

/** Whose pending invitations: every one (administrators), a region's (its projects' included), or a project's. */
export type InvitationScope = { kind: 'all' } | { kind: 'region'; regionId: string } | { kind: 'project'; projectId: string };

export async function getInvitations(scope: InvitationScope, { signal }: { signal?: AbortSignal } = {}): Promise<Invitation[]> {
  switch (scope.kind) {
    case 'all':
      return unwrap(await api.GET('/api/invitations', { signal }));
    case 'region':
      return unwrap(await api.GET('/api/regions/{id}/invitations', { params: { path: { id: scope.regionId } }, signal }));
    case 'project':
      return unwrap(await api.GET('/api/projects/{id}/invitations', { params: { path: { id: scope.projectId } }, signal }));
  }
}

const scopeKey = (scope: InvitationScope) =>
  scope.kind === 'all' ? ['all'] : scope.kind === 'region' ? ['region', scope.regionId] : ['project', scope.projectId];

export function getInvitationsQueryOptions(scope: InvitationScope) {
  return queryOptions({
    queryKey: ['invitations', ...scopeKey(scope)],
    queryFn: ({ signal }) => getInvitations(scope, { signal }),
  });
}

export function useInvitations(scope: InvitationScope) {
  return useQuery(getInvitationsQueryOptions(scope));
}
