import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Closing } from './types';

/** Below the project's key, so invalidating the project refreshes its closing too. */
export const closingKey = (projectId: string) => ['projects', 'detail', projectId, 'closing'] as const;

export async function getClosing(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Closing> {
  return unwrap(await api.GET('/api/projects/{id}/closing', { params: { path: { id: projectId } }, signal }));
}

export function getClosingQueryOptions(projectId: string) {
  return queryOptions({ queryKey: closingKey(projectId), queryFn: ({ signal }) => getClosing(projectId, { signal }) });
}

export function useClosing(projectId: string) {
  return useQuery(getClosingQueryOptions(projectId));
}

/**
 * Every write answers the whole closing: it goes into the cache as it is. The project (its status, phases
 * and history) changes with it, so the rest of the project's queries are refreshed; the lessons across
 * regions too, when the decision closed the project.
 */
export async function closingSaved(queryClient: QueryClient, projectId: string, closing: Closing): Promise<void> {
  queryClient.setQueryData(closingKey(projectId), closing);
  await Promise.all([
    queryClient.invalidateQueries({
      queryKey: ['projects', 'detail', projectId],
      predicate: (q) => q.queryKey[3] !== 'closing',
    }),
    queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['lessons'] }),
  ]);
}
