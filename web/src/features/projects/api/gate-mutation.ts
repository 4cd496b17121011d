import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Gate } from '../../../api/types';
import { gateChanged } from './get-gate';
import { invalidateProject } from './get-project';

function isGate(value: unknown): value is Gate {
  return typeof value === 'object' && value !== null && 'phaseKey' in value && 'readiness' in value && 'permissions' in value;
}

/**
 * A change to a gate: an answer that is the gate is cached at once; either way the project and its
 * gates are read again (phases, readiness and next actions move with the case).
 */
export function useGateMutation<V, R>(projectId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      if (isGate(result)) await gateChanged(queryClient, result);
      else await invalidateProject(queryClient, projectId);
    },
  });
}
