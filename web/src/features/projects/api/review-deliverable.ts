import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable, ReviewDeliverableBody } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** The regionråd accepts a submitted deliverable, or returns it with a comment saying what must change. */
export async function reviewDeliverable({
  projectId,
  deliverableId,
  body,
}: {
  projectId: string;
  deliverableId: string;
  body: ReviewDeliverableBody;
}): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/review', {
      params: { path: { id: projectId, deliverableId } },
      body,
    }),
  );
}

export function useReviewDeliverable(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewDeliverableBody) => reviewDeliverable({ projectId, deliverableId, body }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
