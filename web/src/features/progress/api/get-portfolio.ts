import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { PortfolioSortKey, SortOrder } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Portfolio, PortfolioFilters } from '../../../api/progress-types';

/** One page of the projects the signed-in person follows, filtered and sorted on the server. */
export async function getPortfolio(
  query: PortfolioFilters & { sort: PortfolioSortKey; order: SortOrder; after?: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<Portfolio> {
  return unwrap(await api.GET('/api/portfolio', { params: { query }, signal }));
}

/** The portfolio page by page (keyset: each page names where the next starts). */
export function getPortfolioQueryOptions(filters: PortfolioFilters, sort: PortfolioSortKey, order: SortOrder) {
  return infiniteQueryOptions({
    queryKey: ['portfolio', 'list', filters, sort, order],
    queryFn: ({ signal, pageParam }) => getPortfolio({ ...filters, sort, order, ...(pageParam ? { after: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function usePortfolio(filters: PortfolioFilters, sort: PortfolioSortKey, order: SortOrder) {
  return useInfiniteQuery({ ...getPortfolioQueryOptions(filters, sort, order), placeholderData: keepPreviousData });
}
