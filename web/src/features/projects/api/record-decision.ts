import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Gate, RecordDecisionBody } from '../../../api/types';
import { gateChanged } from './get-gate';

/**
 * The regionråd's vedtak on the pending submission: approve (the next phase starts), approve with
 * conditions, send back, or stop. 409 GATE_ALREADY_DECIDED / GATE_NOT_AWAITING_DECISION if someone was first.
 */
export async function recordDecision({
  projectId,
  phaseKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  body: RecordDecisionBody;
}): Promise<Gate> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/decision', {
      params: { path: { id: projectId, phaseKey } },
      body,
    }),
  );
}

export function useRecordDecision(projectId: string, phaseKey: PhaseKey, { onSuccess }: { onSuccess?: (gate: Gate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDecisionBody) => recordDecision({ projectId, phaseKey, body }),
    onSuccess: async (gate) => {
      await gateChanged(queryClient, gate);
      onSuccess?.(gate);
    },
  });
}
