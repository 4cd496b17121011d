import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PhaseKey } from '@nvr/shared';
import { api, unwrap } from '../../../lib/api-client';
import { getProjectQueryOptions } from './get-project';

/**
 * The next phase's plan as the gate needs it: its sections (what a send-back may reopen) and how
 * complete it is. Read with the gate's own key so that gate changes refresh it.
 */
export async function getGatePlan(projectId: string, phaseKey: PhaseKey, { signal }: { signal?: AbortSignal } = {}) {
  const plan = unwrap(
    await api.GET('/api/projects/{id}/phases/{phaseKey}/plan', { params: { path: { id: projectId, phaseKey } }, signal }),
  );
  return {
    sections: plan.template.sections.map((s) => ({ key: s.key, title: s.title })),
    completeness: { filled: plan.completeness.filled, required: plan.completeness.required },
  };
}

export function getGatePlanQueryOptions(projectId: string, phaseKey: PhaseKey) {
  return queryOptions({
    queryKey: [...getProjectQueryOptions(projectId).queryKey, 'gates', 'plan', phaseKey],
    queryFn: ({ signal }) => getGatePlan(projectId, phaseKey, { signal }),
  });
}

export function useGatePlan(projectId: string, phaseKey: PhaseKey | null) {
  return useQuery({ ...getGatePlanQueryOptions(projectId, phaseKey ?? 'forprosjekt'), enabled: phaseKey !== null });
}
