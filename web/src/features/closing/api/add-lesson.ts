import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, CreateLessonBody } from './types';

export async function addLesson(projectId: string, body: CreateLessonBody): Promise<Closing> {
  return unwrap(await api.POST('/api/projects/{id}/closing/lessons', { params: { path: { id: projectId } }, body }));
}

export function useAddLesson(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLessonBody) => addLesson(projectId, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
