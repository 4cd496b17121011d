import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { SignInOptions } from '../../../api/types';

/** The sign-in providers (Entra ID, ID-porten, …) and whether passwords are on. */
export async function getSignInOptions({ signal }: { signal?: AbortSignal } = {}): Promise<SignInOptions> {
  return unwrap(await api.GET('/api/auth/providers', { signal }));
}

export function getSignInOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => getSignInOptions({ signal }),
    staleTime: Infinity,
  });
}

export function useSignInOptions() {
  return useQuery(getSignInOptionsQueryOptions());
}
