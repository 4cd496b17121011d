import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { Conversation } from './types';

/** The project's interviews, meetings and workshops, newest first. */
export async function getConversations(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Conversation[]> {
  return unwrap(await api.GET('/api/projects/{id}/conversations', { params: { path: { id: projectId } }, signal }));
}

/** Below the project's key, so invalidating the project refreshes them too. */
export function getConversationsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: mappingKeys.conversations(projectId),
    queryFn: ({ signal }) => getConversations(projectId, { signal }),
  });
}

export function useConversations(projectId: string) {
  return useQuery(getConversationsQueryOptions(projectId));
}
