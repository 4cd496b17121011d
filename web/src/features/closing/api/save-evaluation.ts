import type { EvaluationPerspective } from '@nvr/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, SaveEvaluationBody } from './types';

/** The leader's or the owner's evaluation (each has its own route and access rule). */
export async function saveEvaluation(projectId: string, perspective: EvaluationPerspective, body: SaveEvaluationBody): Promise<Closing> {
  const params = { path: { id: projectId } };
  return unwrap(
    perspective === 'leader'
      ? await api.PUT('/api/projects/{id}/closing/evaluations/leader', { params, body })
      : await api.PUT('/api/projects/{id}/closing/evaluations/owner', { params, body }),
  );
}

export function useSaveEvaluation(projectId: string, perspective: EvaluationPerspective) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveEvaluationBody) => saveEvaluation(projectId, perspective, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
