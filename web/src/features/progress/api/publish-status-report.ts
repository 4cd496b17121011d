import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StatusReport } from '../../../api/progress-types';
import { getStatusReportQueryOptions } from './get-status-report';
import { statusReportsChanged } from './get-status-reports';

/** Publishes a complete draft (the version reviewed); a published report is frozen. */
export async function publishStatusReport(projectId: string, reportId: string, version: number): Promise<StatusReport> {
  return unwrap(
    await api.POST('/api/projects/{id}/status-reports/{reportId}/publish', {
      params: { path: { id: projectId, reportId } },
      body: { version },
    }),
  );
}

export function usePublishStatusReport(projectId: string, reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => publishStatusReport(projectId, reportId, version),
    onSuccess: async (report) => {
      queryClient.setQueryData(getStatusReportQueryOptions(projectId, reportId).queryKey, report);
      await statusReportsChanged(queryClient, projectId);
    },
  });
}
