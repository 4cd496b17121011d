import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { PortfolioFilters, Timeline } from '../../../api/progress-types';

/** The phases of every project followed, with planned and actual dates. */
export async function getPortfolioTimeline(filters: PortfolioFilters, { signal }: { signal?: AbortSignal } = {}): Promise<Timeline> {
  return unwrap(await api.GET('/api/portfolio/timeline', { params: { query: filters }, signal }));
}

export function getPortfolioTimelineQueryOptions(filters: PortfolioFilters) {
  return queryOptions({
    queryKey: ['portfolio', 'timeline', filters],
    queryFn: ({ signal }) => getPortfolioTimeline(filters, { signal }),
  });
}

export function usePortfolioTimeline(filters: PortfolioFilters) {
  return useQuery({ ...getPortfolioTimelineQueryOptions(filters), placeholderData: keepPreviousData });
}
