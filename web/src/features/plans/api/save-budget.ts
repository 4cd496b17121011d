import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Plan, SaveBudgetBody } from '../../../api/plan-types';

/** Replaces the budget's cost and financing lines (with the plan version read). */
export async function saveBudget({
  projectId,
  phaseKey,
  body,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  body: SaveBudgetBody;
}): Promise<Plan> {
  return unwrap(
    await api.PUT('/api/projects/{id}/phases/{phaseKey}/plan/budget', { params: { path: { id: projectId, phaseKey } }, body }),
  ) as Plan;
}
