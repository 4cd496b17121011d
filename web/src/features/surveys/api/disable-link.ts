import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import type { SurveyLink } from './types';

/** Turns a public link off for good (a new one can be made). */
export async function disableLink(projectId: string, surveyId: string, linkId: string): Promise<SurveyLink> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys/{surveyId}/links/{linkId}/disable', {
      params: { path: { id: projectId, surveyId, linkId } },
    }),
  );
}

export function useDisableLink(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => disableLink(projectId, surveyId, linkId),
    onSuccess: () => invalidateMapping(queryClient, projectId),
  });
}
