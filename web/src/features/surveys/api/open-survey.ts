import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { rememberSurvey } from './survey-cache';
import type { OpenSurveyBody, Survey } from './types';

/** Opens the survey for answers now, optionally with a closing time. */
export async function openSurvey(projectId: string, surveyId: string, body: OpenSurveyBody): Promise<Survey> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys/{surveyId}/open', {
      params: { path: { id: projectId, surveyId } },
      body,
    }),
  );
}

export function useOpenSurvey(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSurveyBody) => openSurvey(projectId, surveyId, body),
    onSuccess: (survey) => rememberSurvey(queryClient, projectId, survey),
  });
}
