import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import type { Project, UpdatePhaseBody } from '../../../api/types';
import { getProjectQueryOptions, invalidateProject } from './get-project';

/** A phase's planned start and end, and the actual start of the phase in progress, with the phase's version. */
export async function updatePhase({ id, phaseKey, body }: { id: string; phaseKey: PhaseKey; body: UpdatePhaseBody }): Promise<Project> {
  return unwrap(await api.PATCH('/api/projects/{id}/phases/{phaseKey}', { params: { path: { id, phaseKey } }, body }));
}

export function useUpdatePhase(id: string, { onSuccess }: { onSuccess?: (project: Project) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phaseKey, body }: { phaseKey: PhaseKey; body: UpdatePhaseBody }) => updatePhase({ id, phaseKey, body }),
    onSuccess: async (project) => {
      queryClient.setQueryData(getProjectQueryOptions(id).queryKey, project);
      await invalidateProject(queryClient, id);
      onSuccess?.(project);
    },
  });
}
