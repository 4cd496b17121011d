import type { PhaseKey } from '@nvr/shared';
import { api, fileBody, multipart, unwrap } from '../../../lib/api-client';
import type { ConditionResolution } from './gate-types';
import { useGateMutation } from './gate-mutation';

/**
 * Follows up one condition of the approval: the team marks it met (with a note and/or a file), the
 * owner waives it or opens it again.
 */
export async function resolveCondition({
  projectId,
  phaseKey,
  conditionId,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  conditionId: string;
  body: ConditionResolution;
}) {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/gate/conditions/{conditionId}', {
      params: { path: { id: projectId, phaseKey, conditionId } },
      body,
    }),
  );
}

export function useResolveCondition(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ conditionId, body }: { conditionId: string; body: ConditionResolution }) =>
    resolveCondition({ projectId, phaseKey, conditionId, body }),
  );
}

/** Attaches a file showing that a condition is met; a new file replaces the old. */
export async function attachConditionFile({
  projectId,
  phaseKey,
  conditionId,
  file,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  conditionId: string;
  file: File;
}) {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/conditions/{conditionId}/file', {
      params: { path: { id: projectId, phaseKey, conditionId } },
      body: fileBody(file),
      bodySerializer: multipart,
    }),
  );
}

export function useAttachConditionFile(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ conditionId, file }: { conditionId: string; file: File }) =>
    attachConditionFile({ projectId, phaseKey, conditionId, file }),
  );
}
