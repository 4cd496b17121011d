import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Comment } from '../../../api/progress-types';
import { getCommentsQueryOptions } from './get-comments';

/** Deletes one's own comment (administrators: any). */
export async function deleteComment(projectId: string, commentId: string): Promise<void> {
  unwrap(await api.DELETE('/api/projects/{id}/comments/{commentId}', { params: { path: { id: projectId, commentId } } }));
}

export function useDeleteComment(projectId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (comment: Comment) => deleteComment(projectId, comment.id),
    onSuccess: async (_, comment) => {
      await queryClient.invalidateQueries({ queryKey: getCommentsQueryOptions(projectId, comment.targetType, comment.targetId).queryKey });
      onSuccess?.();
    },
  });
}
