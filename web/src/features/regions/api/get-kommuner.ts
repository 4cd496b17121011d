import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Kommune } from '../../../api/types';

// Kommuner are read here, by the regions feature, because choosing members is the only use so far.
export async function getKommuner(search: string | undefined, { signal }: { signal?: AbortSignal } = {}): Promise<Kommune[]> {
  const query = search ? { search } : {};
  return unwrap(await api.GET('/api/kommuner', { params: { query }, signal }));
}

export function getKommunerQueryOptions(search?: string) {
  return queryOptions({
    queryKey: ['kommuner', 'list', { search: search ?? '' }],
    queryFn: ({ signal }) => getKommuner(search, { signal }),
    staleTime: 5 * 60 * 1000, // the list of kommuner changes rarely
  });
}

export function useKommuner(search?: string) {
  return useQuery(getKommunerQueryOptions(search));
}
