import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Comment } from '../../../api/progress-types';
import { getCommentsQueryOptions } from './get-comments';

/** Edits one's own comment, with the version read (409 when it changed meanwhile). */
export async function updateComment(projectId: string, commentId: string, body: { body: string; version: number }): Promise<Comment> {
  return unwrap(await api.PATCH('/api/projects/{id}/comments/{commentId}', { params: { path: { id: projectId, commentId } }, body }));
}

export function useUpdateComment(projectId: string, { onSuccess }: { onSuccess?: (comment: Comment) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ commentId, body, version }: { commentId: string; body: string; version: number }) =>
      updateComment(projectId, commentId, { body, version }),
    onSuccess: async (comment) => {
      await queryClient.invalidateQueries({ queryKey: getCommentsQueryOptions(projectId, comment.targetType, comment.targetId).queryKey });
      onSuccess?.(comment);
    },
  });
}
