import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';
import { getRegionQueryOptions } from './get-region';

type PopulationPath = paths['/api/regions/{id}/kommuner/{kommuneId}/population'];
export type PopulationHistory = PopulationPath['get']['responses'][200]['content']['application/json'];
export type PopulationFigure = PopulationHistory['figures'][number];
export type PopulationEvent = PopulationHistory['events'][number];

/** A member kommune's population figures (newest first) and every change to them. */
export async function getKommunePopulation(
  { regionId, kommuneId }: { regionId: string; kommuneId: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<PopulationHistory> {
  return unwrap(
    await api.GET('/api/regions/{id}/kommuner/{kommuneId}/population', { params: { path: { id: regionId, kommuneId } }, signal }),
  );
}

export function getKommunePopulationQueryOptions(regionId: string, kommuneId: string) {
  return queryOptions({
    // Under the region's key, so refreshing the region refreshes its population histories too.
    queryKey: [...getRegionQueryOptions(regionId).queryKey, 'population', kommuneId],
    queryFn: ({ signal }) => getKommunePopulation({ regionId, kommuneId }, { signal }),
  });
}

export function useKommunePopulation(regionId: string, kommuneId: string | null) {
  return useQuery({ ...getKommunePopulationQueryOptions(regionId, kommuneId ?? ''), enabled: kommuneId !== null });
}
