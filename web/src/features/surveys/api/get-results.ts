import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { SurveyResults } from './types';

/** The counts per question (and, for editors, the free-text answers). */
export async function getResults(projectId: string, surveyId: string, { signal }: { signal?: AbortSignal } = {}): Promise<SurveyResults> {
  return unwrap(
    await api.GET('/api/projects/{id}/surveys/{surveyId}/results', {
      params: { path: { id: projectId, surveyId } },
      signal,
    }),
  );
}

export function getResultsQueryOptions(projectId: string, surveyId: string) {
  return queryOptions({
    queryKey: [...mappingKeys.surveys(projectId), 'detail', surveyId, 'results'],
    queryFn: ({ signal }) => getResults(projectId, surveyId, { signal }),
  });
}

export function useResults(projectId: string, surveyId: string) {
  return useQuery(getResultsQueryOptions(projectId, surveyId));
}
