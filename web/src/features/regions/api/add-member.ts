import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { AddMemberBody, Region } from '../../../api/types';
import { getRegionsQueryOptions } from './get-regions';
import { getRegionQueryOptions } from './get-region';

export async function addMember({ regionId, body }: { regionId: string; body: AddMemberBody }): Promise<Region> {
  return unwrap(await api.POST('/api/regions/{id}/members', { params: { path: { id: regionId } }, body }));
}

export function useAddMember(regionId: string, { onSuccess }: { onSuccess?: (region: Region) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember({ regionId, body }),
    onSuccess: async (region) => {
      queryClient.setQueryData(getRegionQueryOptions(regionId).queryKey, region);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: getRegionQueryOptions(regionId).queryKey }),
        queryClient.invalidateQueries({ queryKey: getRegionsQueryOptions().queryKey }),
      ]);
      onSuccess?.(region);
    },
  });
}
