import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Comment, CommentTargetType } from '../../../api/progress-types';

/** The comments on a phase plan (target: the phase's id), a deliverable or a status report, oldest first. */
export async function getComments(
  projectId: string,
  targetType: CommentTargetType,
  targetId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Comment[]> {
  return unwrap(
    await api.GET('/api/projects/{id}/comments', { params: { path: { id: projectId }, query: { targetType, targetId } }, signal }),
  );
}

export function getCommentsQueryOptions(projectId: string, targetType: CommentTargetType, targetId: string) {
  return queryOptions({
    queryKey: ['projects', 'detail', projectId, 'comments', targetType, targetId],
    queryFn: ({ signal }) => getComments(projectId, targetType, targetId, { signal }),
  });
}

export function useComments(projectId: string, targetType: CommentTargetType, targetId: string) {
  return useQuery(getCommentsQueryOptions(projectId, targetType, targetId));
}
