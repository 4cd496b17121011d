import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing } from './types';

export async function deleteLesson(projectId: string, lessonId: string): Promise<Closing> {
  return unwrap(await api.DELETE('/api/projects/{id}/closing/lessons/{lessonId}', { params: { path: { id: projectId, lessonId } } }));
}

export function useDeleteLesson(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (lessonId: string) => deleteLesson(projectId, lessonId),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
