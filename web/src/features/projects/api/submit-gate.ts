import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Gate } from '../../../api/types';
import { gateChanged } from './get-gate';

/** The project leader sends a ready phase to the regionråd for decision (422 GATE_NOT_READY otherwise). */
export async function submitGate({
  projectId,
  phaseKey,
  note,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  note: string | null;
}): Promise<Gate> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/submission', {
      params: { path: { id: projectId, phaseKey } },
      body: { note },
    }),
  );
}

export function useSubmitGate(projectId: string, phaseKey: PhaseKey, { onSuccess }: { onSuccess?: (gate: Gate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string | null) => submitGate({ projectId, phaseKey, note }),
    onSuccess: async (gate) => {
      await gateChanged(queryClient, gate);
      onSuccess?.(gate);
    },
  });
}
