import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { benefitKeys } from './benefit-keys';
import type {
  Benefit,
  CreateBenefitBody,
  CreateIndicatorBody,
  CreateMeasurementBody,
  UpdateBenefitBody,
  UpdateIndicatorBody,
  UpdateMeasurementBody,
} from './types';

/**
 * Every write to the register: a benefit, one of its indicators, or a measurement. Each answers the
 * benefit as it now is (with its trend); the register, the project's history and the region's view of
 * benefits are refreshed.
 */
function refresh(queryClient: QueryClient, projectId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: benefitKeys.register(projectId) }),
    queryClient.invalidateQueries({ queryKey: benefitKeys.history(projectId) }),
    queryClient.invalidateQueries({ queryKey: ['regions', 'detail'], predicate: (q) => q.queryKey[3] === 'benefits' }),
  ]);
}

const benefitPath = (projectId: string, benefitId: string) => ({ path: { id: projectId, benefitId } });
const indicatorPath = (projectId: string, benefitId: string, indicatorId: string) => ({
  path: { id: projectId, benefitId, indicatorId },
});

export async function createBenefit(projectId: string, body: CreateBenefitBody): Promise<Benefit> {
  return unwrap(await api.POST('/api/projects/{id}/benefits', { params: { path: { id: projectId } }, body }));
}

/** PATCH with the version the user started from; 409 VERSION_CONFLICT when someone saved in between. */
export async function updateBenefit(projectId: string, benefitId: string, body: UpdateBenefitBody): Promise<Benefit> {
  return unwrap(await api.PATCH('/api/projects/{id}/benefits/{benefitId}', { params: benefitPath(projectId, benefitId), body }));
}

export async function deleteBenefit(projectId: string, benefitId: string): Promise<void> {
  unwrap(await api.DELETE('/api/projects/{id}/benefits/{benefitId}', { params: benefitPath(projectId, benefitId) }));
}

export async function addIndicator(projectId: string, benefitId: string, body: CreateIndicatorBody): Promise<Benefit> {
  return unwrap(await api.POST('/api/projects/{id}/benefits/{benefitId}/indicators', { params: benefitPath(projectId, benefitId), body }));
}

export async function updateIndicator(
  projectId: string,
  benefitId: string,
  indicatorId: string,
  body: UpdateIndicatorBody,
): Promise<Benefit> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}', {
      params: indicatorPath(projectId, benefitId, indicatorId),
      body,
    }),
  );
}

export async function deleteIndicator(projectId: string, benefitId: string, indicatorId: string): Promise<Benefit> {
  return unwrap(
    await api.DELETE('/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}', {
      params: indicatorPath(projectId, benefitId, indicatorId),
    }),
  );
}

export async function recordMeasurement(
  projectId: string,
  benefitId: string,
  indicatorId: string,
  body: CreateMeasurementBody,
): Promise<Benefit> {
  return unwrap(
    await api.POST('/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}/measurements', {
      params: indicatorPath(projectId, benefitId, indicatorId),
      body,
    }),
  );
}

export async function updateMeasurement(
  projectId: string,
  benefitId: string,
  indicatorId: string,
  measurementId: string,
  body: UpdateMeasurementBody,
): Promise<Benefit> {
  return unwrap(
    await api.PATCH('/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}/measurements/{measurementId}', {
      params: { path: { id: projectId, benefitId, indicatorId, measurementId } },
      body,
    }),
  );
}

export async function deleteMeasurement(
  projectId: string,
  benefitId: string,
  indicatorId: string,
  measurementId: string,
): Promise<Benefit> {
  return unwrap(
    await api.DELETE('/api/projects/{id}/benefits/{benefitId}/indicators/{indicatorId}/measurements/{measurementId}', {
      params: { path: { id: projectId, benefitId, indicatorId, measurementId } },
    }),
  );
}

/** One mutation hook for a write function, refreshing the register after it. */
function useWrite<A, R>(projectId: string, write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => refresh(queryClient, projectId) });
}

export function useCreateBenefit(projectId: string) {
  return useWrite(projectId, (body: CreateBenefitBody) => createBenefit(projectId, body));
}

export function useUpdateBenefit(projectId: string) {
  return useWrite(projectId, ({ benefitId, body }: { benefitId: string; body: UpdateBenefitBody }) =>
    updateBenefit(projectId, benefitId, body),
  );
}

export function useDeleteBenefit(projectId: string) {
  return useWrite(projectId, (benefitId: string) => deleteBenefit(projectId, benefitId));
}

export function useAddIndicator(projectId: string) {
  return useWrite(projectId, ({ benefitId, body }: { benefitId: string; body: CreateIndicatorBody }) =>
    addIndicator(projectId, benefitId, body),
  );
}

export function useUpdateIndicator(projectId: string) {
  return useWrite(projectId, ({ benefitId, indicatorId, body }: { benefitId: string; indicatorId: string; body: UpdateIndicatorBody }) =>
    updateIndicator(projectId, benefitId, indicatorId, body),
  );
}

export function useDeleteIndicator(projectId: string) {
  return useWrite(projectId, ({ benefitId, indicatorId }: { benefitId: string; indicatorId: string }) =>
    deleteIndicator(projectId, benefitId, indicatorId),
  );
}

export function useRecordMeasurement(projectId: string) {
  return useWrite(projectId, ({ benefitId, indicatorId, body }: { benefitId: string; indicatorId: string; body: CreateMeasurementBody }) =>
    recordMeasurement(projectId, benefitId, indicatorId, body),
  );
}

export function useUpdateMeasurement(projectId: string) {
  return useWrite(
    projectId,
    ({
      benefitId,
      indicatorId,
      measurementId,
      body,
    }: {
      benefitId: string;
      indicatorId: string;
      measurementId: string;
      body: UpdateMeasurementBody;
    }) => updateMeasurement(projectId, benefitId, indicatorId, measurementId, body),
  );
}

export function useDeleteMeasurement(projectId: string) {
  return useWrite(
    projectId,
    ({ benefitId, indicatorId, measurementId }: { benefitId: string; indicatorId: string; measurementId: string }) =>
      deleteMeasurement(projectId, benefitId, indicatorId, measurementId),
  );
}
