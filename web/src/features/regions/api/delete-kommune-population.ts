import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { getKommunePopulationQueryOptions, type PopulationHistory } from './get-kommune-population';
import { getRegionQueryOptions } from './get-region';
import { getRegionsQueryOptions } from './get-regions';

/** Deletes a member kommune's population figure of one date; answers the history after. */
export async function deleteKommunePopulation({
  regionId,
  kommuneId,
  asOf,
}: {
  regionId: string;
  kommuneId: string;
  asOf: string;
}): Promise<PopulationHistory> {
  return unwrap(
    await api.DELETE('/api/regions/{id}/kommuner/{kommuneId}/population/{asOf}', {
      params: { path: { id: regionId, kommuneId, asOf } },
    }),
  );
}

export function useDeleteKommunePopulation(
  regionId: string,
  kommuneId: string,
  { onSuccess }: { onSuccess?: (asOf: string) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (asOf: string) => deleteKommunePopulation({ regionId, kommuneId, asOf }),
    onSuccess: async (history, asOf) => {
      queryClient.setQueryData(getKommunePopulationQueryOptions(regionId, kommuneId).queryKey, history);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: getRegionQueryOptions(regionId).queryKey }),
        queryClient.invalidateQueries({ queryKey: getRegionsQueryOptions().queryKey }),
      ]);
      onSuccess?.(asOf);
    },
  });
}
