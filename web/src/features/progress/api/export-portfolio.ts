import type { PortfolioSortKey, SortOrder } from '@nvr/shared';
import { api } from '../../../lib/api-client';
import { apiUrl, downloadedFile, type DownloadedFile } from '../../../lib/download';
import type { PortfolioFilters } from '../../../api/progress-types';
import type { Language } from '../../../lib/i18n';

/** The portfolio with the same filters and order as a file, in the reader's language: CSV (semicolons, for Norwegian Excel) or XLSX. */
export async function exportPortfolio(
  filters: PortfolioFilters,
  sort: PortfolioSortKey,
  order: SortOrder,
  format: 'csv' | 'xlsx',
  lang: Language,
): Promise<DownloadedFile> {
  const result = await api.GET('/api/portfolio/export', { params: { query: { ...filters, sort, order, format, lang } }, parseAs: 'blob' });
  return downloadedFile(result, `portefolje.${format}`);
}

export function portfolioExportUrl(
  filters: PortfolioFilters,
  sort: PortfolioSortKey,
  order: SortOrder,
  format: 'csv' | 'xlsx',
  lang: Language,
): string {
  return apiUrl('/api/portfolio/export', { ...filters, sort, order, format, lang });
}
