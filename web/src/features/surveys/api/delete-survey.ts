import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

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
      queryClient.removeQueries({ queryKey: ['surveys', projectId, 'detail', surveyId] });
      await queryClient.invalidateQueries({ queryKey: ['surveys', projectId, 'list'] });
      onSuccess?.();
    },
  });
}
