import type { PhaseKey } from '@nvr/shared';
import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { Language } from '../../../lib/i18n';

// The gate's case as a Noark 5 arkivuttrekk (one saksmappe: case documents, decision, minutes and
// attachments with their checksums), a ZIP to send to the kommuner for their archives.

export async function downloadArchivePackage(projectId: string, phaseKey: PhaseKey, lang: Language): Promise<DownloadedFile> {
  const result = await api.GET('/api/projects/{id}/phases/{phaseKey}/gate/archive-package', {
    params: { path: { id: projectId, phaseKey }, query: { lang } },
    parseAs: 'blob',
  });
  return downloadedFile(result, `saksmappe-${phaseKey}.zip`);
}

export const archivePackageUrl = (projectId: string, phaseKey: PhaseKey, lang: Language) =>
  apiUrl(`/api/projects/${projectId}/phases/${phaseKey}/gate/archive-package`, { lang });
