import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { LessonsFilter, LessonsOverview } from './types';

export async function getLessons(filter: LessonsFilter, { signal }: { signal?: AbortSignal } = {}): Promise<LessonsOverview> {
  return unwrap(await api.GET('/api/lessons', { params: { query: filter }, signal }));
}

/** The filter is part of the key; empty values are left out so one filter has one key. */
export function getLessonsQueryOptions(filter: LessonsFilter) {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as LessonsFilter;
  return queryOptions({
    queryKey: ['lessons', clean] as const,
    queryFn: ({ signal }) => getLessons(clean, { signal }),
    // While a new filter loads, the previous answer stays on screen.
    placeholderData: keepPreviousData,
  });
}

export function useLessons(filter: LessonsFilter) {
  return useQuery(getLessonsQueryOptions(filter));
}
