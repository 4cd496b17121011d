import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { SurveySummary } from './types';

/** A project's surveys, newest first. */
export async function getSurveys(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SurveySummary[]> {
  return unwrap(
    await api.GET('/api/projects/{id}/surveys', {
      params: { path: { id: projectId } },
      signal,
    }),
  );
}

/** Under ['surveys', projectId], so invalidating a project's surveys refreshes the list, each survey and its results. */
export function getSurveysQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: [...mappingKeys.surveys(projectId), 'list'],
    queryFn: ({ signal }) => getSurveys(projectId, { signal }),
  });
}

export function useSurveys(projectId: string) {
  return useQuery(getSurveysQueryOptions(projectId));
}
