import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Plan } from '../../../api/plan-types';

export async function getPlan(projectId: string, phaseKey: PhaseKey, { signal }: { signal?: AbortSignal } = {}): Promise<Plan> {
  return unwrap(
    await api.GET('/api/projects/{id}/phases/{phaseKey}/plan', { params: { path: { id: projectId, phaseKey } }, signal }),
  ) as Plan;
}

/** Below the project's key (['projects','detail',id]), so refreshing a project refreshes its plans too. */
export function getPlanQueryOptions(projectId: string, phaseKey: PhaseKey) {
  return queryOptions({
    queryKey: ['projects', 'detail', projectId, 'plan', phaseKey],
    queryFn: ({ signal }) => getPlan(projectId, phaseKey, { signal }),
  });
}

export function usePlan(projectId: string, phaseKey: PhaseKey, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getPlanQueryOptions(projectId, phaseKey), enabled });
}
