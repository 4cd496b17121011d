import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import type { Conversation, CreateConversationBody, UpdateConversationBody } from './types';

export async function createConversation(projectId: string, body: CreateConversationBody): Promise<Conversation> {
  return unwrap(await api.POST('/api/projects/{id}/conversations', { params: { path: { id: projectId } }, body }));
}

/** PATCH with the version the user started from; 409 VERSION_CONFLICT when someone saved in between. */
export async function updateConversation(projectId: string, id: string, body: UpdateConversationBody): Promise<Conversation> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/conversations/{conversationId}', { params: { path: { id: projectId, conversationId: id } }, body }),
  );
}

export async function deleteConversation(projectId: string, id: string): Promise<void> {
  unwrap(
    await api.DELETE('/api/projects/{id}/conversations/{conversationId}', { params: { path: { id: projectId, conversationId: id } } }),
  );
}

/** The list, the needs overview, the recommendations' evidence sources and the project's history change with every conversation. */
function refresh(queryClient: QueryClient, projectId: string) {
  return invalidateMapping(queryClient, projectId);
}

export function useCreateConversation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConversationBody) => createConversation(projectId, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useUpdateConversation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateConversationBody }) => updateConversation(projectId, id, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useDeleteConversation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteConversation(projectId, id),
    onSuccess: () => refresh(queryClient, projectId),
  });
}
