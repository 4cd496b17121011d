import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** The years of SSB table 07459 (population on 1 January) the shipped snapshot can import. */
export async function getSsbPopulationTable({ signal }: { signal?: AbortSignal } = {}) {
  return unwrap(await api.GET('/api/kommuner/population/ssb', { signal }));
}

export function getSsbPopulationTableQueryOptions() {
  return queryOptions({ queryKey: ['kommuner', 'population', 'ssb'], queryFn: ({ signal }) => getSsbPopulationTable({ signal }) });
}

export function useSsbPopulationTable(enabled: boolean) {
  return useQuery({ ...getSsbPopulationTableQueryOptions(), enabled });
}

/** Imports the chosen years onto today's kommuner; every region's population figures may change. */
export async function importSsbPopulation(years: number[]) {
  return unwrap(await api.POST('/api/kommuner/population/ssb-import', { body: { years } }));
}

export function useImportSsbPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importSsbPopulation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['regions'] }),
  });
}

/**
 * Fetches the chosen years of table 07459 from SSB itself and imports them (years SSB has not published yet are
 * left out and reported); the status of the table and every region's figures may change.
 */
export async function refreshSsbPopulation(years: number[]) {
  return unwrap(await api.POST('/api/kommuner/population/ssb-refresh', { body: { years } }));
}

export function useRefreshSsbPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: refreshSsbPopulation,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: getSsbPopulationTableQueryOptions().queryKey }),
        queryClient.invalidateQueries({ queryKey: ['regions'] }),
      ]),
  });
}
