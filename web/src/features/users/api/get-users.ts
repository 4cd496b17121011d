import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { User } from '../../../api/types';

/** Every account with its roles (administrators only). */
export async function getUsers({ signal }: { signal?: AbortSignal } = {}): Promise<User[]> {
  return unwrap(await api.GET('/api/users', { signal }));
}

export function getUsersQueryOptions() {
  return queryOptions({
    queryKey: ['users', 'list'],
    queryFn: ({ signal }) => getUsers({ signal }),
  });
}

export function useUsers({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getUsersQueryOptions(), enabled });
}

/** After a change to one account: put it in the list at once, then refetch. */
export async function userChanged(queryClient: QueryClient, user: User) {
  queryClient.setQueryData(getUsersQueryOptions().queryKey, (list) =>
    list ? (list.some((u) => u.id === user.id) ? list.map((u) => (u.id === user.id ? user : u)) : [...list, user]) : list,
  );
  // The administrator may have changed their own account: refresh the session's name and roles too.
  await Promise.all([queryClient.invalidateQueries({ queryKey: ['users'] }), queryClient.invalidateQueries({ queryKey: ['auth', 'me'] })]);
}
