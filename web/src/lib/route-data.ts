import type { EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { data, isRouteErrorResponse } from 'react-router';
import { isApiError } from './api-error';

/** What a route could not find; the route error boundary names it ("Fant ikke prosjektet"). */
export type NotFoundKind = 'page' | 'project' | 'region' | 'deliverable' | 'statusReport' | 'template';

/** Stops a loader with 404: the route error boundary shows the not-found page for `kind`. */
export function notFound(kind: NotFoundKind = 'page'): never {
  throw data({ kind }, { status: 404 });
}

/** The kind of a not-found error thrown by notFound(), or null for any other error. */
export function notFoundKind(error: unknown): NotFoundKind | null {
  if (!isRouteErrorResponse(error) || error.status !== 404) return null;
  const kind = (error.data as { kind?: NotFoundKind } | null)?.kind;
  return kind ?? 'page';
}

/**
 * For route loaders: the query's data from the cache, or fetched and cached (ensureQueryData), so the
 * page can read it with useSuspenseQuery without a loading state. A 404 from the server becomes
 * notFound(kind); other errors go to the route error boundary as they are.
 */
export async function ensureFound<TData, TKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TData, Error, TData, TKey>,
  kind: NotFoundKind,
): Promise<TData> {
  try {
    return await queryClient.ensureQueryData(options);
  } catch (error) {
    if (isApiError(error) && error.status === 404) notFound(kind);
    throw error;
  }
}
