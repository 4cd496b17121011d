import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { benefitKeys } from './benefit-keys';
import type { BenefitOwner } from './types';

export async function getBenefitOwners(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<BenefitOwner[]> {
  return unwrap(await api.GET('/api/projects/{id}/benefits/owners', { params: { path: { id: projectId } }, signal }));
}

/** Who may own a benefit: the project's leader and members, the region's regionråd and kommune contacts. */
export function getBenefitOwnersQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: benefitKeys.owners(projectId),
    queryFn: ({ signal }) => getBenefitOwners(projectId, { signal }),
  });
}

export function useBenefitOwners(projectId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getBenefitOwnersQueryOptions(projectId), enabled });
}
