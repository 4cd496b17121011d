import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

type Format = 'pdf' | 'docx';

/** The final report as PDF or Word, in the reader's language. */
export async function downloadClosingReport(projectId: string, format: Format, lang: Language): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/closing/report/document', {
    params: { path: { id: projectId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `sluttrapport.${format}`);
}

export const closingReportUrl = (projectId: string, format: Format, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/closing/report/document`, { format, lang });
