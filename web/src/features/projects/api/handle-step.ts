import type { PhaseKey } from '@nvr/shared';
import { api, fileBody, multipart, unwrap } from '../../../lib/api-client';
import type { CaseStep, HandleStepBody } from './gate-types';
import { useGateMutation } from './gate-mutation';

/**
 * Records one body's handling of the case (meeting date, case number, innstilling); the case moves on to
 * the next body; answers the steps. 409 when an earlier body has not handled it yet or it was handled already.
 */
export async function handleStep({
  projectId,
  phaseKey,
  stepId,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  stepId: string;
  body: HandleStepBody;
}): Promise<CaseStep[]> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/steps/{stepId}', {
      params: { path: { id: projectId, phaseKey, stepId } },
      body,
    }),
  );
}

export function useHandleStep(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ stepId, body }: { stepId: string; body: HandleStepBody }) =>
    handleStep({ projectId, phaseKey, stepId, body }),
  );
}

/** Attaches a body's minutes (protokoll) to its handled step; a new file replaces the old. */
export async function attachStepMinutes({
  projectId,
  phaseKey,
  stepId,
  file,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  stepId: string;
  file: File;
}): Promise<CaseStep[]> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/gate/steps/{stepId}/minutes', {
      params: { path: { id: projectId, phaseKey, stepId } },
      body: fileBody(file),
      bodySerializer: multipart,
    }),
  );
}

export function useAttachStepMinutes(projectId: string, phaseKey: PhaseKey) {
  return useGateMutation(projectId, ({ stepId, file }: { stepId: string; file: File }) =>
    attachStepMinutes({ projectId, phaseKey, stepId, file }),
  );
}
