import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Project, UpdateProjectBody } from '../../../api/types';
import { getProjectQueryOptions, invalidateProject } from './get-project';

/** Name, description and participating kommuner, with the version read (409 VERSION_CONFLICT if it moved on). */
export async function updateProject({ id, body }: { id: string; body: UpdateProjectBody }): Promise<Project> {
  return unwrap(await api.PATCH('/api/projects/{id}', { params: { path: { id } }, body }));
}

export function useUpdateProject(id: string, { onSuccess }: { onSuccess?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => updateProject({ id, body }),
    onSuccess: async (project) => {
      queryClient.setQueryData(getProjectQueryOptions(id).queryKey, project);
      await invalidateProject(queryClient, id);
      onSuccess?.(project);
    },
  });
}
