import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

export async function removeDeliverableFile({
  projectId,
  deliverableId,
  fileId,
}: {
  projectId: string;
  deliverableId: string;
  fileId: string;
}): Promise<Deliverable> {
  return unwrap(
    await api.DELETE('/api/projects/{id}/deliverables/{deliverableId}/files/{fileId}', {
      params: { path: { id: projectId, deliverableId, fileId } },
    }),
  );
}

export function useRemoveDeliverableFile(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => removeDeliverableFile({ projectId, deliverableId, fileId }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
