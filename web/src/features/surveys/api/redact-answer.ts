import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import type { TextAnswer } from './types';

/** Removes one free-text answer for good (e.g. it names a person). */
export async function redactAnswer(
  projectId: string,
  surveyId: string,
  { responseId, question }: { responseId: string; question: string },
): Promise<TextAnswer> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/surveys/{surveyId}/responses/{responseId}/redact', {
      params: { path: { id: projectId, surveyId, responseId } },
      body: { question },
    }),
  );
}

export function useRedactAnswer(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: { responseId: string; question: string }) => redactAnswer(projectId, surveyId, target),
    onSuccess: () => invalidateMapping(queryClient, projectId),
  });
}
