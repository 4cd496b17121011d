import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { StatusReportSummary } from '../../../api/progress-types';

/** A project's status reports, newest period first (drafts only for the project team). */
export async function getStatusReports(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<StatusReportSummary[]> {
  return unwrap(await api.GET('/api/projects/{id}/status-reports', { params: { path: { id: projectId } }, signal }));
}

/** Below the project's key, so refreshing a project refreshes its reports too. */
export function statusReportsKey(projectId: string) {
  return ['projects', 'detail', projectId, 'status-reports'] as const;
}

export function getStatusReportsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: [...statusReportsKey(projectId), 'list'],
    queryFn: ({ signal }) => getStatusReports(projectId, { signal }),
  });
}

export function useStatusReports(projectId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getStatusReportsQueryOptions(projectId), enabled });
}

/** After any change to a report: its list, the portfolio (latest colours) and the project. */
export async function statusReportsChanged(queryClient: QueryClient, projectId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: statusReportsKey(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['portfolio'] }),
  ]);
}
