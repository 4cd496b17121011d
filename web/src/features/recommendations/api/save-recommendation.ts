import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import { asRecommendation, getRecommendationsQueryOptions } from './get-recommendations';
import type { Recommendation, RecommendationBody, StatusBody } from './types';

export async function createRecommendation(projectId: string, body: RecommendationBody & { title: string }): Promise<Recommendation> {
  return asRecommendation(unwrap(await api.POST('/api/projects/{id}/recommendations', { params: { path: { id: projectId } }, body })));
}

/** PATCH with the version the user started from; 409 VERSION_CONFLICT when someone saved in between. */
export async function updateRecommendation(
  projectId: string,
  id: string,
  body: RecommendationBody & { version: number },
): Promise<Recommendation> {
  return asRecommendation(
    unwrap(
      await api.PATCH('/api/projects/{id}/recommendations/{recommendationId}', {
        params: { path: { id: projectId, recommendationId: id } },
        body,
      }),
    ),
  );
}

export async function deleteRecommendation(projectId: string, id: string): Promise<void> {
  unwrap(
    await api.DELETE('/api/projects/{id}/recommendations/{recommendationId}', {
      params: { path: { id: projectId, recommendationId: id } },
    }),
  );
}

/** Answers the whole register in its new order. */
export async function moveRecommendation(projectId: string, id: string, direction: 'up' | 'down'): Promise<Recommendation[]> {
  return unwrap(
    await api.POST('/api/projects/{id}/recommendations/{recommendationId}/move', {
      params: { path: { id: projectId, recommendationId: id } },
      body: { direction },
    }),
  ).map(asRecommendation);
}

export async function changeRecommendationStatus(projectId: string, id: string, body: StatusBody): Promise<Recommendation> {
  return asRecommendation(
    unwrap(
      await api.POST('/api/projects/{id}/recommendations/{recommendationId}/status', {
        params: { path: { id: projectId, recommendationId: id } },
        body,
      }),
    ),
  );
}

/**
 * The register and the project's history change with every write (invalidateMapping refreshes both);
 * adopting also changes the forprosjekt plan, so the whole project is refreshed (its key is the root of
 * the plan's, the register's and the history's).
 */
function refresh(queryClient: QueryClient, projectId: string, wholeProject = false) {
  return wholeProject
    ? queryClient.invalidateQueries({ queryKey: ['projects', 'detail', projectId] })
    : invalidateMapping(queryClient, projectId);
}

export function useCreateRecommendation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecommendationBody & { title: string }) => createRecommendation(projectId, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useUpdateRecommendation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: RecommendationBody & { version: number } }) => updateRecommendation(projectId, id, body),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useDeleteRecommendation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteRecommendation(projectId, id),
    onSuccess: () => refresh(queryClient, projectId),
  });
}

export function useMoveRecommendation(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, direction }: { id: string; direction: 'up' | 'down' }) => moveRecommendation(projectId, id, direction),
    onSuccess: (list) => {
      queryClient.setQueryData(getRecommendationsQueryOptions(projectId).queryKey, list);
      return refresh(queryClient, projectId);
    },
  });
}

export function useChangeRecommendationStatus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StatusBody }) => changeRecommendationStatus(projectId, id, body),
    onSuccess: (r) => refresh(queryClient, projectId, r.status === 'adopted'),
  });
}
