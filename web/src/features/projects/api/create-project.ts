import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateProjectBody, Project } from '../../../api/types';
import { getProjectQueryOptions } from './get-project';

/** Starts a project (regionråd of the region, or an administrator); its forstudie starts today, or on `forstudieStartedOn` if already under way. */
export async function createProject(body: CreateProjectBody): Promise<Project> {
  return unwrap(await api.POST('/api/projects', { body }));
}

export function useCreateProject({ onSuccess }: { onSuccess?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: async (project) => {
      queryClient.setQueryData(getProjectQueryOptions(project.id).queryKey, project);
      await queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
      // Creating a project may give roles (the leader's); the person's own roles are unchanged.
      onSuccess?.(project);
    },
  });
}
