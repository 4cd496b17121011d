import type { QueryClient } from '@tanstack/react-query';
import { getSurveyQueryOptions } from './get-survey';
import type { Survey } from './types';

/** After a change that answers the survey: keep the answer and refresh the list (and anything else under the project). */
export async function rememberSurvey(queryClient: QueryClient, projectId: string, survey: Survey): Promise<void> {
  queryClient.setQueryData(getSurveyQueryOptions(projectId, survey.id).queryKey, survey);
  await queryClient.invalidateQueries({ queryKey: ['surveys', projectId, 'list'] });
}
