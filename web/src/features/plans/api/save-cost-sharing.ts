import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Plan, SaveCostSharingBody } from '../../../api/plan-types';

/** Chooses how the kommuner share their direct contribution: equal share, population date, budget year. */
export async function saveCostSharing({
  projectId,
  phaseKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  body: SaveCostSharingBody;
}): Promise<Plan> {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/plan/cost-sharing', { params: { path: { id: projectId, phaseKey } }, body }),
  ) as Plan;
}
