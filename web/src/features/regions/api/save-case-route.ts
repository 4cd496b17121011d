import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { type CaseRoute, getCaseRouteQueryOptions } from './get-case-route';

/** The whole route in one PUT: bodies in order (existing ones by id), the gates each decides, the version read. */
export type SaveCaseRouteBody = NonNullable<paths['/api/regions/{id}/case-route']['put']['requestBody']>['content']['application/json'];

export async function saveCaseRoute({ regionId, body }: { regionId: string; body: SaveCaseRouteBody }): Promise<CaseRoute> {
  return unwrap(await api.PUT('/api/regions/{id}/case-route', { params: { path: { id: regionId } }, body }));
}

/** PUT with the version read; the server answers 409 VERSION_CONFLICT if someone else saved first. */
export function useSaveCaseRoute(regionId: string) {
  const queryClient = useQueryClient();
  const { queryKey } = getCaseRouteQueryOptions(regionId);
  return useMutation({
    mutationFn: (body: SaveCaseRouteBody) => saveCaseRoute({ regionId, body }),
    onSuccess: async (route) => {
      queryClient.setQueryData(queryKey, route);
      await queryClient.invalidateQueries({ queryKey });
    },
  });
}
