import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateStatusReportBody, StatusReport } from '../../../api/progress-types';
import { getStatusReportQueryOptions } from './get-status-report';
import { statusReportsChanged } from './get-status-reports';

/** Starts a draft for a month (default: the month after the latest report), with the latest report's colours and figures. */
export async function createStatusReport(projectId: string, body: CreateStatusReportBody): Promise<StatusReport> {
  return unwrap(await api.POST('/api/projects/{id}/status-reports', { params: { path: { id: projectId } }, body }));
}

export function useCreateStatusReport(projectId: string, { onSuccess }: { onSuccess?: (report: StatusReport) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStatusReportBody) => createStatusReport(projectId, body),
    onSuccess: async (report) => {
      queryClient.setQueryData(getStatusReportQueryOptions(projectId, report.id).queryKey, report);
      await statusReportsChanged(queryClient, projectId);
      onSuccess?.(report);
    },
  });
}
