import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { HistoryEvent } from '../../../api/types';
import { getProjectQueryOptions } from './get-project';

/** What happened in the project, newest first. */
export async function getHistory(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<HistoryEvent[]> {
  return unwrap(await api.GET('/api/projects/{id}/history', { params: { path: { id: projectId } }, signal }));
}

export function getHistoryQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: [...getProjectQueryOptions(projectId).queryKey, 'history'],
    queryFn: ({ signal }) => getHistory(projectId, { signal }),
  });
}

export function useHistory(projectId: string) {
  return useQuery(getHistoryQueryOptions(projectId));
}
