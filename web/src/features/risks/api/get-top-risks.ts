import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { riskKeys } from './risk-keys';
import type { TopRisks } from './types';

export async function getTopRisks(limit: number, { signal }: { signal?: AbortSignal } = {}): Promise<TopRisks> {
  return unwrap(await api.GET('/api/risks/top', { params: { query: { limit } }, signal }));
}

/** The highest open risks of the active projects the person follows (advisers, regionråd, admins). */
export function getTopRisksQueryOptions(limit: number) {
  return queryOptions({
    queryKey: riskKeys.top(limit),
    queryFn: ({ signal }) => getTopRisks(limit, { signal }),
  });
}

export function useTopRisks(limit: number) {
  return useQuery(getTopRisksQueryOptions(limit));
}
