import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { canOnRegion, isAdmin, type RegionAction } from '@nvr/shared';
import { redirect } from 'react-router';
import type { LoginBody, Me, RoleAssignment } from '../api/types';
import { api, session, unwrap } from './api-client';

// The session, shared by every feature (bulletproof-react keeps auth in lib/): who is signed in,
// their roles and the CSRF token. Screens ask `useAccess()` what to show; the server decides.

/** The signed-in person, or null when nobody is (401 is an answer here, not an error). */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<Me | null> {
  const result = await api.GET('/api/auth/me', { signal });
  if (result.response.status === 401) {
    session.csrfToken = null;
    return null;
  }
  const me = unwrap(result);
  session.csrfToken = me.csrfToken;
  return me;
}

export function getMeQueryOptions() {
  return queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => getMe({ signal }),
    // Changes only through login, logout and password changes, which update it themselves.
    staleTime: Infinity,
  });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}

/** Puts a fresh session (from login) in the cache and the API client. */
function rememberSession(queryClient: QueryClient, me: Me | null) {
  session.csrfToken = me?.csrfToken ?? null;
  queryClient.setQueryData(getMeQueryOptions().queryKey, me);
}

/** Forgets the session and everything fetched with it, so the next person sees nothing of it. */
export function forgetSession(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  rememberSession(queryClient, null);
}

export async function login(body: LoginBody): Promise<Me> {
  return unwrap(await api.POST('/api/auth/login', { body }));
}

export function useLogin({ onSuccess }: { onSuccess?: (me: Me) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Data cached for a previous person must not leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      rememberSession(queryClient, me);
      onSuccess?.(me);
    },
  });
}

/**
 * Ends the session; answers the sign-in provider's sign-out address when the session came from a provider
 * that has one (the browser goes there to end that session too), else null.
 */
export async function logout(): Promise<string | null> {
  const result = await api.POST('/api/auth/oidc/logout');
  // 401: the session had already ended, which is what logging out wants.
  if (result.response.status === 401) return null;
  return unwrap(result).redirectUrl;
}

export function useLogout({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: (redirectUrl) => {
      forgetSession(queryClient);
      if (redirectUrl) window.location.assign(redirectUrl);
      else onSuccess?.();
    },
  });
}

const NO_ROLES: RoleAssignment[] = [];

/** The signed-in person's roles and the shared access rules (`@nvr/shared`) bound to them. */
export function useAccess() {
  const me = useMe().data ?? null;
  const roles = me?.roles ?? NO_ROLES;
  return {
    me,
    roles,
    isAdmin: isAdmin(roles),
    canOnRegion: (regionId: string, action: RegionAction) => canOnRegion(roles, regionId, action),
    /** May start projects somewhere: the regionråd of a region, or an administrator. */
    canStartProjects: isAdmin(roles) || roles.some((r) => r.role === 'regionraad'),
  };
}

export const LOGIN_PATH = '/logg-inn';

/** A path inside the app to return to after login; anything else (other sites, odd input) gives '/'. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith(LOGIN_PATH)) return '/';
  return next;
}

export function loginPathFor(path: string): string {
  return path && path !== '/' ? `${LOGIN_PATH}?neste=${encodeURIComponent(path)}` : LOGIN_PATH;
}

/** For route loaders: the session, or a redirect to the login page that remembers where the person wanted to go. */
export async function requireMe(queryClient: QueryClient, request: Request): Promise<Me> {
  const me = await queryClient.ensureQueryData(getMeQueryOptions());
  if (!me) {
    const url = new URL(request.url);
    throw redirect(loginPathFor(url.pathname + url.search));
  }
  return me;
}

/** For route loaders of admin screens: 403 (shown as "no access") for everyone else. */
export async function requireAdmin(queryClient: QueryClient, request: Request): Promise<Me> {
  const me = await requireMe(queryClient, request);
  if (!isAdmin(me.roles)) throw new Response('Forbidden', { status: 403 });
  return me;
}
