import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { getSurveyQueryOptions } from './get-survey';
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
      queryClient.setQueryData(getSurveyQueryOptions(projectId, survey.id).queryKey, survey);
      await queryClient.invalidateQueries({ queryKey: ['surveys', projectId, 'list'] });
      onSuccess?.(survey);
    },
  });
}
