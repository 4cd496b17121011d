import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { ProjectSummary } from '../../../api/types';

/** The projects the signed-in person may see (the server filters), optionally of one region. */
export async function getProjects(regionId: string | undefined, { signal }: { signal?: AbortSignal } = {}): Promise<ProjectSummary[]> {
  const query = regionId ? { regionId } : {};
  return unwrap(await api.GET('/api/projects', { params: { query }, signal }));
}

export function getProjectsQueryOptions(regionId?: string) {
  return queryOptions({
    queryKey: ['projects', 'list', { regionId: regionId ?? '' }],
    queryFn: ({ signal }) => getProjects(regionId, { signal }),
  });
}

export function useProjects(regionId?: string) {
  return useQuery(getProjectsQueryOptions(regionId));
}
