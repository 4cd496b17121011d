import type { QueryClient } from '@tanstack/react-query';
import { invalidateMapping } from '../../../lib/mapping-cache';
import { getSurveyQueryOptions } from './get-survey';
import type { Survey } from './types';

/**
 * After a change that answers the survey: keep the answer, and refresh the rest of the mapping (the
 * list, the survey's results, the needs overview, the evidence sources and the history).
 */
export async function rememberSurvey(queryClient: QueryClient, projectId: string, survey: Survey): Promise<void> {
  const { queryKey } = getSurveyQueryOptions(projectId, survey.id);
  queryClient.setQueryData(queryKey, survey);
  await invalidateMapping(queryClient, projectId, { fresh: queryKey });
}
