import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { CrossTabQuery, SurveyCrossTab } from './types';

/** Which question to count, by which grouping, with labels in which language. */
export type CrossTabParams = Required<CrossTabQuery>;

/** One question's answers by the grouping question or by kommune, small groups suppressed. */
export async function getCrossTab(
  projectId: string,
  surveyId: string,
  params: CrossTabParams,
  { signal }: { signal?: AbortSignal } = {},
): Promise<SurveyCrossTab> {
  return unwrap(
    await api.GET('/api/projects/{id}/surveys/{surveyId}/crosstab', {
      params: { path: { id: projectId, surveyId }, query: params },
      signal,
    }),
  );
}

export function getCrossTabQueryOptions(projectId: string, surveyId: string, params: CrossTabParams) {
  return queryOptions({
    queryKey: [...mappingKeys.surveys(projectId), 'detail', surveyId, 'crosstab', params],
    queryFn: ({ signal }) => getCrossTab(projectId, surveyId, params, { signal }),
  });
}

export function useCrossTab(projectId: string, surveyId: string, params: CrossTabParams | null) {
  return useQuery({
    ...getCrossTabQueryOptions(projectId, surveyId, params ?? { question: '', by: '', lang: 'nb' }),
    enabled: params !== null && params.question !== '' && params.by !== '',
    placeholderData: keepPreviousData,
  });
}
