import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { PortfolioSortKey, SortOrder } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { PortfolioFilters, Timeline } from '../../../api/progress-types';

/** The phases of one page of the projects followed, with planned and actual dates. */
export async function getPortfolioTimeline(
  query: PortfolioFilters & { sort: PortfolioSortKey; order: SortOrder; after?: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<Timeline> {
  return unwrap(await api.GET('/api/portfolio/timeline', { params: { query }, signal }));
}

export function getPortfolioTimelineQueryOptions(filters: PortfolioFilters, sort: PortfolioSortKey, order: SortOrder) {
  return infiniteQueryOptions({
    queryKey: ['portfolio', 'timeline', filters, sort, order],
    queryFn: ({ signal, pageParam }) =>
      getPortfolioTimeline({ ...filters, sort, order, ...(pageParam ? { after: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePortfolioTimeline(filters: PortfolioFilters, sort: PortfolioSortKey, order: SortOrder) {
  return useInfiniteQuery({ ...getPortfolioTimelineQueryOptions(filters, sort, order), placeholderData: keepPreviousData });
}
