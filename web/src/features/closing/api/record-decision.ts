import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { closingSaved } from './get-closing';
import type { Closing, ClosingDecisionBody } from './types';

/** The owner's closing decision; it ends the project. */
export async function recordClosingDecision(projectId: string, body: ClosingDecisionBody): Promise<Closing> {
  return unwrap(await api.POST('/api/projects/{id}/closing/decision', { params: { path: { id: projectId } }, body }));
}

export function useRecordClosingDecision(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClosingDecisionBody) => recordClosingDecision(projectId, body),
    onSuccess: (closing) => closingSaved(queryClient, projectId, closing),
  });
}
