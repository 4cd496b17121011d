import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { Survey } from './types';

/** One survey: its texts, questions, settings and (for editors) its links. */
export async function getSurvey(projectId: string, surveyId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Survey> {
  return unwrap(
    await api.GET('/api/projects/{id}/surveys/{surveyId}', {
      params: { path: { id: projectId, surveyId } },
      signal,
    }),
  );
}

export function getSurveyQueryOptions(projectId: string, surveyId: string) {
  return queryOptions({
    queryKey: [...mappingKeys.surveys(projectId), 'detail', surveyId],
    queryFn: ({ signal }) => getSurvey(projectId, surveyId, { signal }),
  });
}

export function useSurvey(projectId: string, surveyId: string) {
  return useQuery(getSurveyQueryOptions(projectId, surveyId));
}
