import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** Undoes "not required": the deliverable is a draft again. */
export async function markRequired({ projectId, deliverableId }: { projectId: string; deliverableId: string }): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/required', {
      params: { path: { id: projectId, deliverableId } },
    }),
  );
}

export function useMarkRequired(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => markRequired({ projectId, deliverableId }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
