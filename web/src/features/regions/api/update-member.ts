import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Region, UpdateMemberBody } from '../../../api/types';
import { getRegionsQueryOptions } from './get-regions';
import { getRegionQueryOptions } from './get-region';

/** Changes a membership's period; ending a membership is `{ validTo: 'YYYY-MM-DD' }`. */
export async function updateMember({
  regionId,
  membershipId,
  body,
}: {
  regionId: string;
  membershipId: string;
  body: UpdateMemberBody;
}): Promise<Region> {
  return unwrap(
    await api.PATCH('/api/regions/{id}/members/{membershipId}', {
      params: { path: { id: regionId, membershipId } },
      body,
    }),
  );
}

export function useUpdateMember(regionId: string, { onSuccess }: { onSuccess?: (region: Region) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: string; body: UpdateMemberBody }) =>
      updateMember({ regionId, membershipId, body }),
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
