import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { PlanComparison } from '../../../api/plan-types';
import { getPlanQueryOptions } from './get-plan';

/** A side of a comparison: a kept version's number, or 'current' for the plan as it is now. */
export type PlanSide = number | 'current';

export async function comparePlanVersions(
  projectId: string,
  phaseKey: PhaseKey,
  from: PlanSide,
  to: PlanSide,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PlanComparison> {
  return unwrap(
    await api.GET('/api/projects/{id}/phases/{phaseKey}/plan/compare', {
      params: { path: { id: projectId, phaseKey }, query: { from: String(from), to: String(to) } },
      signal,
    }),
  ) as PlanComparison;
}

export function getPlanComparisonQueryOptions(projectId: string, phaseKey: PhaseKey, from: PlanSide, to: PlanSide) {
  return queryOptions({
    queryKey: [...getPlanQueryOptions(projectId, phaseKey).queryKey, 'compare', { from: String(from), to: String(to) }],
    queryFn: ({ signal }) => comparePlanVersions(projectId, phaseKey, from, to, { signal }),
  });
}

export function usePlanComparison(
  projectId: string,
  phaseKey: PhaseKey,
  from: PlanSide,
  to: PlanSide,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({ ...getPlanComparisonQueryOptions(projectId, phaseKey, from, to), enabled, placeholderData: keepPreviousData });
}
