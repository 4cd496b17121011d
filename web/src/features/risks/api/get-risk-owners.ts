import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { riskKeys } from './risk-keys';
import type { RiskOwner } from './types';

export async function getRiskOwners(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<RiskOwner[]> {
  return unwrap(await api.GET('/api/projects/{id}/risks/owners', { params: { path: { id: projectId } }, signal }));
}

/** Who may own a risk: the people with a role in the project or its region, by name. */
export function getRiskOwnersQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: riskKeys.owners(projectId),
    queryFn: ({ signal }) => getRiskOwners(projectId, { signal }),
  });
}

export function useRiskOwners(projectId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRiskOwnersQueryOptions(projectId), enabled });
}
