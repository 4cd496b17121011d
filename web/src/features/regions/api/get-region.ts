import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Region } from '../../../api/types';

export async function getRegion(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<Region> {
  return unwrap(await api.GET('/api/regions/{id}', { params: { path: { id } }, signal }));
}

export function getRegionQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['regions', 'detail', id],
    queryFn: ({ signal }) => getRegion(id, { signal }),
  });
}

export function useRegion(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getRegionQueryOptions(id), enabled });
}
