import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import { getSurveyQueryOptions } from './get-survey';

/** Deletes a survey without answers. */
export async function deleteSurvey(projectId: string, surveyId: string): Promise<void> {
  unwrap(
    await api.DELETE('/api/projects/{id}/surveys/{surveyId}', {
      params: { path: { id: projectId, surveyId } },
    }),
  );
}

export function useDeleteSurvey(projectId: string, surveyId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteSurvey(projectId, surveyId),
    onSuccess: async () => {
      // The survey and its results go; the list, needs overview, evidence sources and history change.
      queryClient.removeQueries({ queryKey: getSurveyQueryOptions(projectId, surveyId).queryKey });
      await invalidateMapping(queryClient, projectId);
      onSuccess?.();
    },
  });
}
