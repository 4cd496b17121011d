import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { riskKeys } from './risk-keys';
import type { CreateRiskBody, Risk, UpdateRiskBody } from './types';

export async function createRisk(projectId: string, body: CreateRiskBody): Promise<Risk> {
  return unwrap(await api.POST('/api/projects/{id}/risks', { params: { path: { id: projectId } }, body }));
}

/** PATCH with the version the person started from; 409 VERSION_CONFLICT when someone saved in between. */
export async function updateRisk(projectId: string, riskId: string, body: UpdateRiskBody): Promise<Risk> {
  return unwrap(await api.PATCH('/api/projects/{id}/risks/{riskId}', { params: { path: { id: projectId, riskId } }, body }));
}

export async function deleteRisk(projectId: string, riskId: string): Promise<void> {
  unwrap(await api.DELETE('/api/projects/{id}/risks/{riskId}', { params: { path: { id: projectId, riskId } } }));
}

/** Every write changes the register (and a draft report's live view of it), the history and the top risks. */
function refresh(queryClient: QueryClient, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: riskKeys.register(projectId) }),
    queryClient.invalidateQueries({ queryKey: riskKeys.history(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['risks', 'top'] }),
  ]);
}

export function useCreateRisk(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRiskBody) => createRisk(projectId, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useUpdateRisk(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRiskBody }) => updateRisk(projectId, id, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useDeleteRisk(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRisk(projectId, id),
    onSuccess: () => refresh(queryClient, projectId),
  });
}
