import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { getHistoryQueryOptions } from './get-history';
import { getProjectQueryOptions } from './get-project';

/** Everything a project's page shows, in one request (GET /api/projects/{id}/page). */
export async function getProjectPage(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return unwrap(await api.GET('/api/projects/{id}/page', { params: { path: { id } }, signal }));
}

export type ProjectPage = Awaited<ReturnType<typeof getProjectPage>>;

/**
 * The page's one request. Its answer seeds the queries the page's sections read and refetch themselves
 * after a change (the project and its history), so they start fresh without a request of their own. The
 * key is outside the project's own (['projects','detail',id]), so invalidating the project refetches only
 * what changed, not the whole page; the route loader asks for the page afresh on each visit.
 */
export function getProjectPageQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['projects', 'page', id],
    queryFn: async ({ signal, client }) => {
      const page = await getProjectPage(id, { signal });
      client.setQueryData(getProjectQueryOptions(id).queryKey, page.project);
      client.setQueryData(getHistoryQueryOptions(id).queryKey, page.history);
      return page;
    },
    staleTime: Infinity,
  });
}

/** The page's answer as its route loader read it (for what no section refetches: the region's kommuner to choose from). */
export function useProjectPage(id: string) {
  return useSuspenseQuery(getProjectPageQueryOptions(id));
}
