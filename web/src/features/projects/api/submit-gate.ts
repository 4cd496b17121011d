import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Gate } from '../../../api/types';
import { gateChanged } from './get-gate';

/** The project leader sends the phase's package (deliverables, the next phase's plan and budget) to the owner for decision (422 GATE_NOT_READY otherwise). */
export async function submitGate({
  projectId,
  phaseKey,
  note,
  kommuneDeadline,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  note: string | null;
  kommuneDeadline?: string;
}): Promise<Gate> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/submission', {
      params: { path: { id: projectId, phaseKey } },
      body: { note, kommuneDeadline },
    }),
  );
}

export function useSubmitGate(projectId: string, phaseKey: PhaseKey, { onSuccess }: { onSuccess?: (gate: Gate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ note, kommuneDeadline }: { note: string | null; kommuneDeadline?: string }) =>
      submitGate({ projectId, phaseKey, note, kommuneDeadline }),
    onSuccess: async (gate) => {
      await gateChanged(queryClient, gate);
      onSuccess?.(gate);
    },
  });
}
