import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

/** The register as a file in the reader's language: CSV (semicolons, for Norwegian Excel) or XLSX. */
export async function exportBenefits(projectId: string, format: 'csv' | 'xlsx', lang: Language): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/benefits/export', {
    params: { path: { id: projectId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `gevinster.${format}`);
}

/** The benefits report (gevinstrapport) as PDF or Word in the reader's language. */
export async function downloadBenefitReport(projectId: string, format: 'pdf' | 'docx', lang: Language): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/benefits/report', {
    params: { path: { id: projectId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `gevinstrapport.${format}`);
}

export function benefitsFileUrl(projectId: string, kind: 'export' | 'report', format: string, lang: Language): string {
  return apiUrl(`/api/projects/${projectId}/benefits/${kind}`, { format, lang });
}
