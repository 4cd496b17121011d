import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** The provider identities linked to the signed-in person's own account. */
export async function getMyLinkedProviders({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(await api.GET('/api/auth/oidc/links', { signal }));
}

export function getMyLinkedProvidersQueryOptions() {
  return queryOptions({ queryKey: ['auth', 'links'], queryFn: ({ signal }) => getMyLinkedProviders({ signal }) });
}

export function useMyLinkedProviders() {
  return useQuery(getMyLinkedProvidersQueryOptions());
}

/** Starts linking a provider: the server answers the provider's address, and the browser goes there (and comes back). */
export async function linkProvider(provider: string): Promise<void> {
  const { redirectUrl } = unwrap(await api.POST('/api/auth/oidc/link', { body: { provider } }));
  if (redirectUrl) window.location.assign(redirectUrl);
}

export function useLinkProvider() {
  return useMutation({ mutationFn: linkProvider });
}
