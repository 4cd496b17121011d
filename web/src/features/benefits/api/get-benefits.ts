import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { benefitKeys } from './benefit-keys';
import type { BenefitRegister } from './types';

export async function getBenefitRegister(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<BenefitRegister> {
  return unwrap(await api.GET('/api/projects/{id}/benefits', { params: { path: { id: projectId } }, signal }));
}

/** The register: benefits with owners, indicators, measurements and trends, the plans' benefit areas, and whether the reader may edit. */
export function getBenefitRegisterQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: benefitKeys.register(projectId),
    queryFn: ({ signal }) => getBenefitRegister(projectId, { signal }),
  });
}

export function useBenefitRegister(projectId: string) {
  return useQuery(getBenefitRegisterQueryOptions(projectId));
}
