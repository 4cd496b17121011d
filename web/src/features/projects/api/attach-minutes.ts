import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, fileBody, multipart, unwrap } from '../../../lib/api-client';
import type { Gate } from '../../../api/types';
import { gateChanged } from './get-gate';

/** Attaches the meeting minutes (protokoll) to a recorded decision; a new file replaces the old. */
export async function attachMinutes({
  projectId,
  phaseKey,
  decisionId,
  file,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  decisionId: string;
  file: File;
}): Promise<Gate> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/decisions/{decisionId}/minutes', {
      params: { path: { id: projectId, phaseKey, decisionId } },
      body: fileBody(file),
      bodySerializer: multipart,
    }),
  );
}

export function useAttachMinutes(projectId: string, phaseKey: PhaseKey, { onSuccess }: { onSuccess?: (gate: Gate) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, file }: { decisionId: string; file: File }) => attachMinutes({ projectId, phaseKey, decisionId, file }),
    onSuccess: async (gate) => {
      await gateChanged(queryClient, gate);
      onSuccess?.(gate);
    },
  });
}
