import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, UpdateLessonBody } from './types';

export async function updateLesson(projectId: string, lessonId: string, body: UpdateLessonBody): Promise<Closing> {
  return unwrap(await api.PATCH('/api/projects/{id}/closing/lessons/{lessonId}', { params: { path: { id: projectId, lessonId } }, body }));
}

export function useUpdateLesson(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ lessonId, body }: { lessonId: string; body: UpdateLessonBody }) => updateLesson(projectId, lessonId, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
