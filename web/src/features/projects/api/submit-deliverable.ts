import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** Sends a draft or returned deliverable to the regionråd for review (422 DELIVERABLE_EMPTY without text or file). */
export async function submitDeliverable({ projectId, deliverableId }: { projectId: string; deliverableId: string }): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/submit', {
      params: { path: { id: projectId, deliverableId } },
    }),
  );
}

export function useSubmitDeliverable(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitDeliverable({ projectId, deliverableId }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
