import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import { useGateMutation } from './gate-mutation';

/** The secretariat edits the proposed decision (forslag til vedtak) while the case awaits its decision. */
export async function setProposedDecision({
  projectId,
  phaseKey,
  submissionId,
  text,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  submissionId: string;
  text: string;
}) {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/gate/proposed-decision', {
      params: { path: { id: projectId, phaseKey } },
      body: { submissionId, text },
    }),
  );
}

export function useSetProposedDecision(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ submissionId, text }: { submissionId: string; text: string }) =>
    setProposedDecision({ projectId, phaseKey, submissionId, text }),
  );
}
