import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Plan, UpdatePlanBody } from '../../../api/plan-types';

/**
 * Saves answers to some fields (autosave): only the sections and fields sent change. `version` is the
 * plan version read; a newer one answers 409 VERSION_CONFLICT. Used through the plan editor's writer,
 * which sends one change at a time and keeps the version.
 */
export async function updatePlan({
  projectId,
  phaseKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  body: UpdatePlanBody;
}): Promise<Plan> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/phases/{phaseKey}/plan', {
      params: { path: { id: projectId, phaseKey } },
      body: body as unknown as { content: Record<string, never>; version: number },
    }),
  ) as Plan;
}
