import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Gate } from '../../../api/types';
import { getProjectQueryOptions, invalidateProject } from './get-project';

/** The decision gate that ends a phase: readiness, checkpoints, submissions and decisions. */
export async function getGate(projectId: string, phaseKey: PhaseKey, { signal }: { signal?: AbortSignal } = {}): Promise<Gate> {
  return unwrap(await api.GET('/api/projects/{id}/phases/{phaseKey}/gate', { params: { path: { id: projectId, phaseKey } }, signal }));
}

export function getGateQueryOptions(projectId: string, phaseKey: PhaseKey) {
  return queryOptions({
    queryKey: [...getProjectQueryOptions(projectId).queryKey, 'gates', phaseKey],
    queryFn: ({ signal }) => getGate(projectId, phaseKey, { signal }),
  });
}

export function useGate(projectId: string, phaseKey: PhaseKey, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getGateQueryOptions(projectId, phaseKey), enabled });
}

/** Every gate change answers with the gate: cache it, then refresh the project (phases move on after a decision). */
export async function gateChanged(queryClient: QueryClient, gate: Gate) {
  queryClient.setQueryData(getGateQueryOptions(gate.projectId, gate.phaseKey).queryKey, gate);
  await invalidateProject(queryClient, gate.projectId);
}

/** Where the minutes (protokoll) of a decision are downloaded. */
export function minutesUrl(projectId: string, phaseKey: PhaseKey, decisionId: string): string {
  const base = import.meta.env.VITE_API_BASE_URL ?? '';
  return `${base}/api/projects/${projectId}/phases/${phaseKey}/gate/decisions/${decisionId}/minutes`;
}
