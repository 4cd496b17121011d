import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable, UpdateDeliverableBody } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** Text, owner and due date of a draft or returned deliverable, with the version read (409 VERSION_CONFLICT). */
export async function updateDeliverable({
  projectId,
  deliverableId,
  body,
}: {
  projectId: string;
  deliverableId: string;
  body: UpdateDeliverableBody;
}): Promise<Deliverable> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/deliverables/{deliverableId}', {
      params: { path: { id: projectId, deliverableId } },
      body,
    }),
  );
}

export function useUpdateDeliverable(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDeliverableBody) => updateDeliverable({ projectId, deliverableId, body }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
