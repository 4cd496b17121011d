import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, StartReportBody } from './types';

/** Starts the final report from the outline, pre-filled in the language given. */
export async function startReport(projectId: string, body: StartReportBody): Promise<Closing> {
  return unwrap(await api.POST('/api/projects/{id}/closing/report', { params: { path: { id: projectId } }, body }));
}

export function useStartReport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartReportBody) => startReport(projectId, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
