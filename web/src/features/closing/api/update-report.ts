import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, UpdateReportBody } from './types';

/** PUT with the version the leader started from; 409 VERSION_CONFLICT when someone saved in between. */
export async function updateReport(projectId: string, body: UpdateReportBody): Promise<Closing> {
  return unwrap(await api.PUT('/api/projects/{id}/closing/report', { params: { path: { id: projectId } }, body }));
}

export function useUpdateReport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReportBody) => updateReport(projectId, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
