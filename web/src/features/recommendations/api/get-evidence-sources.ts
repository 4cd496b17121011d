import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { EvidenceSource } from './types';

/** The project's surveys and conversations, which a recommendation's evidence may point at. */
export async function getEvidenceSources(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<EvidenceSource[]> {
  const params = { path: { id: projectId } };
  const [surveys, conversations] = await Promise.all([
    api.GET('/api/projects/{id}/surveys', { params, signal }).then(unwrap),
    api.GET('/api/projects/{id}/conversations', { params, signal }).then(unwrap),
  ]);
  return [
    ...surveys.map((s): EvidenceSource => ({ kind: 'survey', id: s.id, title: s.title })),
    ...conversations.map((c): EvidenceSource => ({ kind: 'conversation', id: c.id, title: c.title })),
  ];
}

export function getEvidenceSourcesQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: [...mappingKeys.recommendations(projectId), 'sources'],
    queryFn: ({ signal }) => getEvidenceSources(projectId, { signal }),
  });
}

export function useEvidenceSources(projectId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getEvidenceSourcesQueryOptions(projectId), enabled });
}
