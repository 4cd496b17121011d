import type { PhaseKey } from '@nvr/shared';
import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { DocumentFormat } from '../../../api/plan-types';
import type { Language } from '../../../lib/i18n';

// The three documents for the regionråd's meeting, as PDF or Word, in the reader's language.

export async function downloadPlanDocument(
  projectId: string,
  phaseKey: PhaseKey,
  format: DocumentFormat,
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/phases/{phaseKey}/plan/document', {
    params: { path: { id: projectId, phaseKey }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `plan-${phaseKey}.${format}`);
}

export async function downloadDeliverableDocument(
  projectId: string,
  deliverableId: string,
  format: DocumentFormat,
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/deliverables/{deliverableId}/document', {
    params: { path: { id: projectId, deliverableId }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `leveranse.${format}`);
}

export async function downloadGateDocument(
  projectId: string,
  phaseKey: PhaseKey,
  format: DocumentFormat,
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/phases/{phaseKey}/gate/document', {
    params: { path: { id: projectId, phaseKey }, query: { format, lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `beslutningsgrunnlag-${phaseKey}.${format}`);
}

// The same documents as plain addresses, for the links' href.

export const planDocumentUrl = (projectId: string, phaseKey: PhaseKey, format: DocumentFormat, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/plan/document`, { format, lang });

export const deliverableDocumentUrl = (projectId: string, deliverableId: string, format: DocumentFormat, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/deliverables/${deliverableId}/document`, { format, lang });

export const gateDocumentUrl = (projectId: string, phaseKey: PhaseKey, format: DocumentFormat, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/document`, { format, lang });
