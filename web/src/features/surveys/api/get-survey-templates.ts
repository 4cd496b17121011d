import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { SurveyTemplate } from './types';

/** The library's survey templates (the newest version of each template of kind 'survey'). */
export async function getSurveyTemplates({ signal }: { signal?: AbortSignal } = {}): Promise<SurveyTemplate[]> {
  const templates = unwrap(await api.GET('/api/templates', { signal }));
  return templates.filter((template) => template.kind === 'survey');
}

export function getSurveyTemplatesQueryOptions() {
  return queryOptions({
    queryKey: ['templates', 'list', 'survey'],
    queryFn: ({ signal }) => getSurveyTemplates({ signal }),
    staleTime: 5 * 60 * 1000,
  });
}

export function useSurveyTemplates({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getSurveyTemplatesQueryOptions(), enabled });
}
