import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Portfolio, PortfolioFilters } from '../../../api/progress-types';

/** Every project the signed-in person follows, filtered on the server (sorting happens in the browser). */
export async function getPortfolio(filters: PortfolioFilters, { signal }: { signal?: AbortSignal } = {}): Promise<Portfolio> {
  return unwrap(await api.GET('/api/portfolio', { params: { query: filters }, signal }));
}

export function getPortfolioQueryOptions(filters: PortfolioFilters) {
  return queryOptions({
    queryKey: ['portfolio', 'list', filters],
    queryFn: ({ signal }) => getPortfolio(filters, { signal }),
  });
}

export function usePortfolio(filters: PortfolioFilters) {
  return useQuery({ ...getPortfolioQueryOptions(filters), placeholderData: keepPreviousData });
}
