import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Project } from '../../../api/types';

export async function getProject(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Project> {
  return unwrap(await api.GET('/api/projects/{id}', { params: { path: { id } }, signal }));
}

/**
 * ['projects','detail',id] is the root of everything about one project: its history, deliverables
 * and gates have keys below it, so one invalidation refreshes the whole project.
 */
export function getProjectQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['projects', 'detail', id],
    queryFn: ({ signal }) => getProject(id, { signal }),
  });
}

export function useProject(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getProjectQueryOptions(id), enabled });
}

/** After any change to a project: refetch what is shown of it (phases, readiness, next actions, history) and the lists. */
export async function invalidateProject(queryClient: QueryClient, id: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: getProjectQueryOptions(id).queryKey }),
    queryClient.invalidateQueries({ queryKey: ['projects', 'list'] }),
  ]);
}
