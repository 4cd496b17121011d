import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { NeedsOverview } from './types';

export async function getNeedsOverview(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<NeedsOverview> {
  return unwrap(await api.GET('/api/projects/{id}/needs', { params: { path: { id: projectId } }, signal }));
}

export function getNeedsOverviewQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: mappingKeys.needs(projectId),
    queryFn: ({ signal }) => getNeedsOverview(projectId, { signal }),
  });
}

export function useNeedsOverview(projectId: string) {
  return useQuery(getNeedsOverviewQueryOptions(projectId));
}
