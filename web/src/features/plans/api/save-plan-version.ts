import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Plan, SavePlanVersionBody } from '../../../api/plan-types';

/** Keeps the plan as it is now as a numbered version, with an optional label. */
export async function savePlanVersion({
  projectId,
  phaseKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  body: SavePlanVersionBody;
}): Promise<Plan> {
  return unwrap(
    await api.POST('/api/projects/{id}/phases/{phaseKey}/plan/versions', { params: { path: { id: projectId, phaseKey } }, body }),
  ) as Plan;
}
