import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import type { CreateLinkBody, SurveyLink } from './types';

/** A new public link: the general one (no kommune) or one for a kommune of the project. */
export async function createLink(projectId: string, surveyId: string, body: CreateLinkBody): Promise<SurveyLink> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys/{surveyId}/links', {
      params: { path: { id: projectId, surveyId } },
      body,
    }),
  );
}

export function useCreateLink(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLinkBody) => createLink(projectId, surveyId, body),
    onSuccess: () => invalidateMapping(queryClient, projectId),
  });
}
