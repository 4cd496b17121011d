import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StatusReport } from '../../../api/progress-types';
import { statusReportsKey } from './get-status-reports';

export async function getStatusReport(
  projectId: string,
  reportId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<StatusReport> {
  return unwrap(await api.GET('/api/projects/{id}/status-reports/{reportId}', { params: { path: { id: projectId, reportId } }, signal }));
}

export function getStatusReportQueryOptions(projectId: string, reportId: string) {
  return queryOptions({
    queryKey: [...statusReportsKey(projectId), 'detail', reportId],
    queryFn: ({ signal }) => getStatusReport(projectId, reportId, { signal }),
  });
}

export function useStatusReport(projectId: string, reportId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getStatusReportQueryOptions(projectId, reportId), enabled });
}
