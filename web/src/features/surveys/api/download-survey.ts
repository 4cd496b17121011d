import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportContent = 'tables' | 'raw';
export type ReportFormat = 'pdf' | 'docx';

// The results as files, fetched with the session so a refusal shows as a message instead of a broken download.

/** The tables or the raw answers as CSV/XLSX. */
export async function downloadSurveyExport(
  projectId: string,
  surveyId: string,
  format: ExportFormat,
  content: ExportContent,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/surveys/{surveyId}/export', {
    params: { path: { id: projectId, surveyId }, query: { format, content } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `${content}.${format}`);
}

/** The report chapter as PDF/DOCX in a language. */
export async function downloadSurveyReport(
  projectId: string,
  surveyId: string,
  format: ReportFormat,
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/surveys/{surveyId}/report', {
    params: { path: { id: projectId, surveyId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `rapport.${format}`);
}

// The same files as plain addresses, for the links' href.

export const exportUrl = (projectId: string, surveyId: string, format: ExportFormat, content: ExportContent) =>
  apiUrl(`/api/projects/${encodeURIComponent(projectId)}/surveys/${encodeURIComponent(surveyId)}/export`, { format, content });

export const reportUrl = (projectId: string, surveyId: string, format: ReportFormat, lang: Language) =>
  apiUrl(`/api/projects/${encodeURIComponent(projectId)}/surveys/${encodeURIComponent(surveyId)}/report`, { format, lang });
