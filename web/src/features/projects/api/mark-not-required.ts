import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** The project leader marks a deliverable as not required here, with the reason (never the plan for the next phase). */
export async function markNotRequired({
  projectId,
  deliverableId,
  reason,
}: {
  projectId: string;
  deliverableId: string;
  reason: string;
}): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/not-required', {
      params: { path: { id: projectId, deliverableId } },
      body: { reason },
    }),
  );
}

export function useMarkNotRequired(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => markNotRequired({ projectId, deliverableId, reason }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
