import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Deliverable } from '../../../api/types';
import { getProjectQueryOptions, invalidateProject } from './get-project';

export async function getDeliverable(
  projectId: string,
  deliverableId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Deliverable> {
  return unwrap(
    await api.GET('/api/projects/{id}/deliverables/{deliverableId}', {
      params: { path: { id: projectId, deliverableId } },
      signal,
    }),
  );
}

export function getDeliverableQueryOptions(projectId: string, deliverableId: string) {
  return queryOptions({
    queryKey: [...getProjectQueryOptions(projectId).queryKey, 'deliverables', deliverableId],
    queryFn: ({ signal }) => getDeliverable(projectId, deliverableId, { signal }),
  });
}

export function useDeliverable(projectId: string, deliverableId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getDeliverableQueryOptions(projectId, deliverableId), enabled });
}

/** Every deliverable change answers with the deliverable: cache it, then refresh the project (states, readiness, next actions). */
export async function deliverableChanged(queryClient: QueryClient, deliverable: Deliverable) {
  queryClient.setQueryData(getDeliverableQueryOptions(deliverable.projectId, deliverable.id).queryKey, deliverable);
  await invalidateProject(queryClient, deliverable.projectId);
}

/** Where an attached file is downloaded (a plain link: the session cookie goes with it). */
export function deliverableFileUrl(projectId: string, deliverableId: string, fileId: string): string {
  const base = import.meta.env.VITE_API_BASE_URL ?? '';
  return `${base}/api/projects/${projectId}/deliverables/${deliverableId}/files/${fileId}`;
}
