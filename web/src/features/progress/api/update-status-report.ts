import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StatusReport, UpdateStatusReportBody } from '../../../api/progress-types';
import { getStatusReportQueryOptions } from './get-status-report';
import { statusReportsChanged } from './get-status-reports';

/** Changes a draft (colours, comments, figures, next steps, period) with the version read; 409 when stale. */
export async function updateStatusReport(projectId: string, reportId: string, body: UpdateStatusReportBody): Promise<StatusReport> {
  return unwrap(await api.PATCH('/api/projects/{id}/status-reports/{reportId}', { params: { path: { id: projectId, reportId } }, body }));
}

export function useUpdateStatusReport(projectId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateStatusReportBody) => updateStatusReport(projectId, reportId, body),
    onSuccess: async (report) => {
      queryClient.setQueryData(getStatusReportQueryOptions(projectId, reportId).queryKey, report);
      await statusReportsChanged(queryClient, projectId);
    },
  });
}
