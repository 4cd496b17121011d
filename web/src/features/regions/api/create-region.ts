import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateRegionBody, Region } from '../../../api/types';
import { getRegionsQueryOptions } from './get-regions';
import { getRegionQueryOptions } from './get-region';

export async function createRegion(body: CreateRegionBody): Promise<Region> {
  return unwrap(await api.POST('/api/regions', { body }));
}

export function useCreateRegion({ onSuccess }: { onSuccess?: (region: Region) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRegion,
    onSuccess: async (region) => {
      queryClient.setQueryData(getRegionQueryOptions(region.id).queryKey, region);
      await queryClient.invalidateQueries({ queryKey: getRegionsQueryOptions().queryKey });
      onSuccess?.(region);
    },
  });
}
