import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { benefitKeys } from './benefit-keys';
import type { RegionBenefits } from './types';

export async function getRegionBenefits(regionId: string, { signal }: { signal?: AbortSignal } = {}): Promise<RegionBenefits> {
  return unwrap(await api.GET('/api/regions/{id}/benefits', { params: { path: { id: regionId } }, signal }));
}

/** The benefits of every project of the region the reader may see, with their trends. */
export function getRegionBenefitsQueryOptions(regionId: string) {
  return queryOptions({
    queryKey: benefitKeys.region(regionId),
    queryFn: ({ signal }) => getRegionBenefits(regionId, { signal }),
  });
}

export function useRegionBenefits(regionId: string) {
  return useQuery(getRegionBenefitsQueryOptions(regionId));
}
