import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Person } from '../../../api/types';

/** Names and e-mail of active accounts, for choosing a project team (regionråd and administrators; others get 403). */
export async function getPeople({ signal }: { signal?: AbortSignal } = {}): Promise<Person[]> {
  return unwrap(await api.GET('/api/users/directory', { signal }));
}

export function getPeopleQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'directory'],
    queryFn: ({ signal }) => getPeople({ signal }),
    staleTime: 5 * 60 * 1000,
  });
}

export function usePeople({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getPeopleQueryOptions(), enabled });
}
