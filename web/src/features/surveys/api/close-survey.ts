import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { rememberSurvey } from './survey-cache';
import type { Survey } from './types';

/** Closes the survey now: its links stop taking answers. */
export async function closeSurvey(projectId: string, surveyId: string): Promise<Survey> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys/{surveyId}/close', {
      params: { path: { id: projectId, surveyId } },
    }),
  );
}

export function useCloseSurvey(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeSurvey(projectId, surveyId),
    onSuccess: (survey) => rememberSurvey(queryClient, projectId, survey),
  });
}
