import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

/** The register as a file in the reader's language: CSV (semicolons, for Norwegian Excel) or XLSX. */
export async function exportRisks(projectId: string, format: 'csv' | 'xlsx', lang: Language): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/risks/export', {
    params: { path: { id: projectId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `risikoregister.${format}`);
}

export function risksExportUrl(projectId: string, format: 'csv' | 'xlsx', lang: Language): string {
  return apiUrl(`/api/projects/${projectId}/risks/export`, { format, lang });
}
