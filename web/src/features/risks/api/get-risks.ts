import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { riskKeys } from './risk-keys';
import type { Risk } from './types';

export async function getRisks(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Risk[]> {
  return unwrap(await api.GET('/api/projects/{id}/risks', { params: { path: { id: projectId } }, signal }));
}

/** The register, by number. */
export function getRisksQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: riskKeys.register(projectId),
    queryFn: ({ signal }) => getRisks(projectId, { signal }),
  });
}

export function useRisks(projectId: string) {
  return useQuery(getRisksQueryOptions(projectId));
}
