import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { KommuneCaseBody } from './gate-types';
import { useGateMutation } from './gate-mutation';

/** Records one kommunestyre's decision on its share (the kommune's contact or the secretariat). */
export async function recordKommuneCase({
  projectId,
  phaseKey,
  caseId,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  caseId: string;
  body: KommuneCaseBody;
}) {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/gate/kommune-cases/{caseId}', {
      params: { path: { id: projectId, phaseKey, caseId } },
      body,
    }),
  );
}

export function useRecordKommuneCase(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ caseId, body }: { caseId: string; body: KommuneCaseBody }) =>
    recordKommuneCase({ projectId, phaseKey, caseId, body }),
  );
}

/** Sets the deadline for every kommunestyre still to decide (the secretariat). */
export async function setKommuneDeadline({ projectId, phaseKey, deadline }: { projectId: string; phaseKey: PhaseKey; deadline: string }) {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/gate/kommune-deadline', {
      params: { path: { id: projectId, phaseKey } },
      body: { deadline },
    }),
  );
}

export function useSetKommuneDeadline(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, (deadline: string) => setKommuneDeadline({ projectId, phaseKey, deadline }));
}
