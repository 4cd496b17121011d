import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { getStatusReportsQueryOptions } from './get-status-reports';

/** Deletes a draft report. */
export async function deleteStatusReport(projectId: string, reportId: string): Promise<void> {
  unwrap(await api.DELETE('/api/projects/{id}/status-reports/{reportId}', { params: { path: { id: projectId, reportId } } }));
}

export function useDeleteStatusReport(projectId: string, reportId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteStatusReport(projectId, reportId),
    onSuccess: async () => {
      // Only the list: the deleted report's own query goes away with its page.
      await queryClient.invalidateQueries({ queryKey: getStatusReportsQueryOptions(projectId).queryKey });
      onSuccess?.();
    },
  });
}
