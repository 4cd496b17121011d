import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';

type CaseRoutePath = paths['/api/regions/{id}/case-route'];

/** A region's bodies in order and which body decides each kind of gate (null: the owner decides). */
export type CaseRoute = CaseRoutePath['get']['responses'][200]['content']['application/json'];
/** One body of a region's case route, in order of `position`. */
export type RegionBody = CaseRoute['bodies'][number];

/** The phases that end in a gate, in order. */
export const GATE_PHASES = ['forstudie', 'forprosjekt', 'hovedprosjekt'] as const satisfies readonly PhaseKey[];
export type GatePhase = (typeof GATE_PHASES)[number];

export async function getCaseRoute(regionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<CaseRoute> {
  return unwrap(await api.GET('/api/regions/{id}/case-route', { params: { path: { id: regionId } }, signal }));
}

/** Below the region's key, so refreshing a region refreshes its case route too. */
export function getCaseRouteQueryOptions(regionId: string) {
  return queryOptions({
    queryKey: ['regions', 'detail', regionId, 'case-route'],
    queryFn: ({ signal }) => getCaseRoute(regionId, { signal }),
  });
}

export function useCaseRoute(regionId: string) {
  return useQuery(getCaseRouteQueryOptions(regionId));
}
