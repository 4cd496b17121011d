import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Comment, CreateCommentBody } from '../../../api/progress-types';
import { getCommentsQueryOptions } from './get-comments';

/** Writes a comment; @e-mail mentions notify the people named, and one of anyone who may not read the project refuses it (422). */
export async function createComment(projectId: string, body: CreateCommentBody): Promise<Comment> {
  return unwrap(await api.POST('/api/projects/{id}/comments', { params: { path: { id: projectId } }, body }));
}

export function useCreateComment(projectId: string, { onSuccess }: { onSuccess?: (comment: Comment) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentBody) => createComment(projectId, body),
    onSuccess: async (comment) => {
      await queryClient.invalidateQueries({ queryKey: getCommentsQueryOptions(projectId, comment.targetType, comment.targetId).queryKey });
      onSuccess?.(comment);
    },
  });
}
