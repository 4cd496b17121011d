import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { riskKeys } from './risk-keys';
import type { ReportRisks } from './types';

export async function getReportRisks(projectId: string, reportId: string, { signal }: { signal?: AbortSignal } = {}): Promise<ReportRisks> {
  return unwrap(
    await api.GET('/api/projects/{id}/status-reports/{reportId}/risks', { params: { path: { id: projectId, reportId } }, signal }),
  );
}

/**
 * A status report's register: frozen when it was published, live while it is a draft. `state` is part of
 * the key, so publishing (which changes the report's state) reads the frozen copy at once.
 */
export function getReportRisksQueryOptions(projectId: string, reportId: string, state: string) {
  return queryOptions({
    queryKey: [...riskKeys.report(projectId, reportId), state],
    queryFn: ({ signal }) => getReportRisks(projectId, reportId, { signal }),
  });
}

export function useReportRisks(projectId: string, reportId: string, state: string) {
  return useQuery(getReportRisksQueryOptions(projectId, reportId, state));
}
