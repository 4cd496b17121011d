import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Region } from '../../../api/types';
import { getRegionsQueryOptions } from './get-regions';
import { getRegionQueryOptions } from './get-region';

/** Deletes a membership registered by mistake (ending one is update-member with validTo). */
export async function removeMember({ regionId, membershipId }: { regionId: string; membershipId: string }): Promise<Region> {
  return unwrap(
    await api.DELETE('/api/regions/{id}/members/{membershipId}', {
      params: { path: { id: regionId, membershipId } },
    }),
  );
}

export function useRemoveMember(regionId: string, { onSuccess }: { onSuccess?: (region: Region) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => removeMember({ regionId, membershipId }),
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
