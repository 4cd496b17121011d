import type { PhaseKey } from '@nvr/shared';
import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

export type GateDocumentFormat = 'pdf' | 'docx';

// The case's documents: the saksframlegg for one body (its step), and the minutes extract (protokollutdrag)
// once the case is decided; as PDF or Word, in the chosen language.

export async function downloadCaseDocument(
  projectId: string,
  phaseKey: PhaseKey,
  format: GateDocumentFormat,
  lang: Language,
  step: string | undefined,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/phases/{phaseKey}/gate/case-document', {
    params: { path: { id: projectId, phaseKey }, query: { format, lang, step } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `saksframlegg-${phaseKey}.${format}`);
}

export async function downloadMinutesExtract(
  projectId: string,
  phaseKey: PhaseKey,
  format: GateDocumentFormat,
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/phases/{phaseKey}/gate/minutes-extract', {
    params: { path: { id: projectId, phaseKey }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `protokollutdrag-${phaseKey}.${format}`);
}

export const caseDocumentUrl = (projectId: string, phaseKey: PhaseKey, format: GateDocumentFormat, lang: Language, step?: string) =>
  apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/case-document`, { format, lang, step });

export const minutesExtractUrl = (projectId: string, phaseKey: PhaseKey, format: GateDocumentFormat, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/minutes-extract`, { format, lang });

/** Where a body's minutes on a step are downloaded. */
export function stepMinutesUrl(projectId: string, phaseKey: PhaseKey, stepId: string): string {
  return apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/steps/${stepId}/minutes`);
}

/** Where the file attached to a met condition is downloaded. */
export function conditionFileUrl(projectId: string, phaseKey: PhaseKey, conditionId: string): string {
  return apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/conditions/${conditionId}/file`);
}
