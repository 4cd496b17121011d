import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';
import type { PopulationFigure } from './get-kommune-population';
import { getRegionQueryOptions } from './get-region';
import { getRegionsQueryOptions } from './get-regions';

export type SavePopulationBody = NonNullable<
  paths['/api/regions/{id}/kommuner/{kommuneId}/population']['put']['requestBody']
>['content']['application/json'];

/** Records a member kommune's population on a date, or corrects the figure of that date; answers the figure saved. */
export async function saveKommunePopulation({
  regionId,
  kommuneId,
  body,
}: {
  regionId: string;
  kommuneId: string;
  body: SavePopulationBody;
}): Promise<PopulationFigure> {
  return unwrap(
    await api.PUT('/api/regions/{id}/kommuner/{kommuneId}/population', { params: { path: { id: regionId, kommuneId } }, body }),
  );
}

export function useSaveKommunePopulation(
  regionId: string,
  kommuneId: string,
  { onSuccess }: { onSuccess?: (figure: PopulationFigure) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePopulationBody) => saveKommunePopulation({ regionId, kommuneId, body }),
    onSuccess: async (figure) => {
      // The region's totals and this history both change.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: getRegionQueryOptions(regionId).queryKey }),
        queryClient.invalidateQueries({ queryKey: getRegionsQueryOptions().queryKey }),
      ]);
      onSuccess?.(figure);
    },
  });
}
