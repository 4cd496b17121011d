import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Gate, SetCheckpointBody } from '../../../api/types';
import { gateChanged } from './get-gate';

/** Ticks or unticks one of the gate's checkpoints, with a comment (project leader). */
export async function setCheckpoint({
  projectId,
  phaseKey,
  checkpointKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  checkpointKey: string;
  body: SetCheckpointBody;
}): Promise<Gate> {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/gate/checkpoints/{checkpointKey}', {
      params: { path: { id: projectId, phaseKey, checkpointKey } },
      body,
    }),
  );
}

export function useSetCheckpoint(projectId: string, phaseKey: PhaseKey, { onSuccess }: { onSuccess?: (gate: Gate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ checkpointKey, body }: { checkpointKey: string; body: SetCheckpointBody }) =>
      setCheckpoint({ projectId, phaseKey, checkpointKey, body }),
    onSuccess: async (gate) => {
      await gateChanged(queryClient, gate);
      onSuccess?.(gate);
    },
  });
}
