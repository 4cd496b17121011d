import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, fileBody, multipart, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { deliverableChanged } from './get-deliverable';

/** Attaches a PDF, Office or CSV file (at most 10 MB; 422 FILE_TYPE_NOT_ALLOWED / FILE_TOO_LARGE). */
export async function addDeliverableFile({
  projectId,
  deliverableId,
  file,
}: {
  projectId: string;
  deliverableId: string;
  file: File;
}): Promise<Deliverable> {
  return unwrap(
    await api.POST('/api/projects/{id}/deliverables/{deliverableId}/files', {
      params: { path: { id: projectId, deliverableId } },
      body: fileBody(file),
      bodySerializer: multipart,
    }),
  );
}

export function useAddDeliverableFile(
  projectId: string,
  deliverableId: string,
  { onSuccess }: { onSuccess?: (deliverable: Deliverable) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => addDeliverableFile({ projectId, deliverableId, file }),
    onSuccess: async (deliverable) => {
      await deliverableChanged(queryClient, deliverable);
      onSuccess?.(deliverable);
    },
  });
}
