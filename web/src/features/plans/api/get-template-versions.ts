import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { TemplateVersion } from '../../../api/plan-types';

/** Every version of a template, newest first (each with its sections). */
export async function getTemplateVersions(key: string, { signal }: { signal?: AbortSignal } = {}): Promise<TemplateVersion[]> {
  return unwrap(await api.GET('/api/templates/{key}/versions', { params: { path: { key } }, signal }));
}

export function getTemplateVersionsQueryOptions(key: string) {
  return queryOptions({
    queryKey: ['templates', 'detail', key, 'versions'],
    queryFn: ({ signal }) => getTemplateVersions(key, { signal }),
  });
}

export function useTemplateVersions(key: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getTemplateVersionsQueryOptions(key), enabled });
}
