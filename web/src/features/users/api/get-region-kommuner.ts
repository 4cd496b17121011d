import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** The current member kommuner of a region, for a kommune contact's kommune (shares the region's cache entry). */
export function useRegionKommuner(regionId: string): { id: string; name: string }[] {
  const { data } = useQuery({
    queryKey: ['regions', 'detail', regionId],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/regions/{id}', { params: { path: { id: regionId } }, signal })),
    enabled: !!regionId,
  });
  return (data?.members ?? []).filter((m) => m.current).map((m) => ({ id: m.kommune.id, name: m.kommune.name }));
}
