import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, fileBody, unwrap } from '../../../lib/api-client';
import { invalidateMapping } from '../../../lib/mapping-cache';
import type { Language } from '../../../lib/i18n';
import type { ImportMapping, ImportResult } from './types';

export interface ImportInput {
  file: File;
  mapping: ImportMapping;
  dryRun: boolean;
  lang: Language;
}

/** The multipart form of an import: the file and the column mapping as JSON. */
function importForm(body: { file: string; mapping?: string }): FormData {
  const form = new FormData();
  // fileBody typed the File as string (OpenAPI "binary"); it is the File itself.
  form.append('file', body.file as unknown as File);
  if (body.mapping !== undefined) form.append('mapping', body.mapping);
  return form;
}

/** Imports answers from a CSV or XLSX file; dryRun only checks and reports every row that does not fit. */
export async function importAnswers(
  projectId: string,
  surveyId: string,
  { file, mapping, dryRun, lang }: ImportInput,
): Promise<ImportResult> {
  return unwrap(
    await api.POST('/api/projects/{id}/surveys/{surveyId}/imports', {
      params: { path: { id: projectId, surveyId }, query: { dryRun: dryRun ? 'true' : 'false', lang } },
      body: { ...fileBody(file), mapping: JSON.stringify(mapping) },
      bodySerializer: importForm,
    }),
  );
}

export function useImportAnswers(projectId: string, surveyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) => importAnswers(projectId, surveyId, input),
    onSuccess: async (_result, { dryRun }) => {
      // New answers change the results, the answer counts, the needs overview and the history.
      if (!dryRun) await invalidateMapping(queryClient, projectId);
    },
  });
}
