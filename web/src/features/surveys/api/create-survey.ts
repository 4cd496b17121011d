import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { rememberSurvey } from './survey-cache';
import type { CreateSurveyBody, Survey } from './types';

/** A new survey from a template (templateKey) or as a copy of another (copyOf). */
export async function createSurvey(projectId: string, body: CreateSurveyBody): Promise<Survey> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys', {
      params: { path: { id: projectId } },
      body,
    }),
  );
}

export function useCreateSurvey(projectId: string, { onSuccess }: { onSuccess?: (survey: Survey) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSurveyBody) => createSurvey(projectId, body),
    onSuccess: async (survey) => {
      await rememberSurvey(queryClient, projectId, survey);
      onSuccess?.(survey);
    },
  });
}
