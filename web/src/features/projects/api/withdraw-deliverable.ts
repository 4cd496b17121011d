import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** Takes a submitted deliverable back to draft before the regionråd has reviewed it. */
export async function withdrawDeliverable({
  projectId,
  deliverableId,
}: {
  projectId: string;
  deliverableId: string;
}): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/withdraw', {
      params: { path: { id: projectId, deliverableId } },
    }),
  );
}

export function useWithdrawDeliverable(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => withdrawDeliverable({ projectId, deliverableId }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
