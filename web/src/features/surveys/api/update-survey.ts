import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { rememberSurvey } from './survey-cache';
import type { Survey, UpdateSurveyBody } from './types';

/** Saves a survey's texts, settings and (while it has no answers) its questions. */
export async function updateSurvey(projectId: string, surveyId: string, body: UpdateSurveyBody): Promise<Survey> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/surveys/{surveyId}', {
      params: { path: { id: projectId, surveyId } },
      body,
    }),
  );
}

export function useUpdateSurvey(projectId: string, surveyId: string, { onSuccess }: { onSuccess?: (survey: Survey) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSurveyBody) => updateSurvey(projectId, surveyId, body),
    onSuccess: async (survey) => {
      await rememberSurvey(queryClient, projectId, survey);
      onSuccess?.(survey);
    },
  });
}
