import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { TemplateSummary } from '../../../api/plan-types';

/** The template library: the newest version of each template. */
export async function getTemplates({ signal }: { signal?: AbortSignal } = {}): Promise<TemplateSummary[]> {
  return unwrap(await api.GET('/api/templates', { signal }));
}

export function getTemplatesQueryOptions() {
  return queryOptions({ queryKey: ['templates', 'list'], queryFn: ({ signal }) => getTemplates({ signal }) });
}

export function useTemplates() {
  return useQuery(getTemplatesQueryOptions());
}
