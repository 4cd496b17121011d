import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { RegionSummary } from '../../../api/types';

export async function getRegions({ signal }: { signal?: AbortSignal } = {}): Promise<RegionSummary[]> {
  return unwrap(await api.GET('/api/regions', { signal }));
}

export function getRegionsQueryOptions() {
  return queryOptions({
    queryKey: ['regions', 'list'],
    queryFn: ({ signal }) => getRegions({ signal }),
  });
}

export function useRegions() {
  return useQuery(getRegionsQueryOptions());
}
