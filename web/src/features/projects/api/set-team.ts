import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { Project, SetTeamBody } from '../../../api/types';
import { getProjectQueryOptions, invalidateProject } from './get-project';

/** Replaces the project leader and the project group (their project roles). */
export async function setTeam({ id, body }: { id: string; body: SetTeamBody }): Promise<Project> {
  return unwrap(await api.PUT('/api/projects/{id}/team', { params: { path: { id } }, body }));
}

export function useSetTeam(id: string, { onSuccess }: { onSuccess?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetTeamBody) => setTeam({ id, body }),
    onSuccess: async (project) => {
      queryClient.setQueryData(getProjectQueryOptions(id).queryKey, project);
      await Promise.all([invalidateProject(queryClient, id), queryClient.invalidateQueries({ queryKey: ['users'] })]);
      onSuccess?.(project);
    },
  });
}
