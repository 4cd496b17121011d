import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Region, UpdateRegionBody } from '../../../api/types';
import { getRegionsQueryOptions } from './get-regions';
import { getRegionQueryOptions } from './get-region';

/** PATCH with the version the user started from; the server answers 409 VERSION_CONFLICT if it moved on. */
export async function updateRegion({ id, body }: { id: string; body: UpdateRegionBody }): Promise<Region> {
  return unwrap(await api.PATCH('/api/regions/{id}', { params: { path: { id } }, body }));
}

export function useUpdateRegion(id: string, { onSuccess }: { onSuccess?: (region: Region) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRegionBody) => updateRegion({ id, body }),
    onSuccess: async (region) => {
      queryClient.setQueryData(getRegionQueryOptions(id).queryKey, region);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: getRegionQueryOptions(id).queryKey }),
        queryClient.invalidateQueries({ queryKey: getRegionsQueryOptions().queryKey }),
      ]);
      onSuccess?.(region);
    },
  });
}
