import { exportWord, numericDate, phaseSpec, type ExportWord, type Lang, type StatusColour, type WaitingOn } from '@nvr/shared';
import writeXlsxFile from 'write-excel-file/node';
import type { PortfolioRowDto } from './portfolio.dto';

/** Text, a number, or an ISO date ('YYYY-MM-DD', written as a date cell). */
type CellValue = string | number | null;

interface Column {
  header: string;
  width: number;
  kind?: 'number' | 'date';
  value(r: PortfolioRowDto): CellValue;
}

/** Who the case waits on, in the export's language. */
function waitingText(w: WaitingOn, lang: Lang): string {
  switch (w.kind) {
    case 'leader':
      return w.name ?? exportWord('leader', lang);
    case 'body':
      return w.name ?? '';
    case 'kommuner':
      return exportWord('kommuner', lang);
    case 'none':
      return '';
  }
}

/** The columns of the export in one language: the same in CSV and Excel. */
export function exportColumns(lang: Lang): Column[] {
  const w = (key: ExportWord) => exportWord(key, lang);
  const colour = (c: StatusColour | null | undefined) => (c ? w(c) : '');
  return [
    { header: w('project'), width: 40, value: (r) => r.name },
    { header: w('region'), width: 24, value: (r) => r.regionName },
    { header: w('county'), width: 20, value: (r) => r.counties.join(', ') },
    { header: w('status'), width: 10, value: (r) => w(r.status) },
    { header: w('phase'), width: 16, value: (r) => (r.currentPhaseKey ? phaseSpec(r.currentPhaseKey).title[lang] : '') },
    { header: w('phaseState'), width: 18, value: (r) => (r.currentPhaseState ? w(r.currentPhaseState) : '') },
    { header: w('phaseStarted'), width: 12, kind: 'date', value: (r) => r.phaseStartedOn },
    { header: w('monthsInPhase'), width: 10, kind: 'number', value: (r) => r.monthsInPhase },
    {
      header: w('recommendedMonths'),
      width: 10,
      value: (r) => (r.recommendedMonths ? `${r.recommendedMonths.min}–${r.recommendedMonths.max}` : ''),
    },
    { header: w('duration'), width: 20, value: (r) => w(r.durationStatus) },
    { header: w('latestReport'), width: 10, value: (r) => r.latestReport?.period ?? '' },
    { header: w('overall'), width: 10, value: (r) => colour(r.latestReport?.colours.overall) },
    { header: w('progress'), width: 10, value: (r) => colour(r.latestReport?.colours.progress) },
    { header: w('economy'), width: 10, value: (r) => colour(r.latestReport?.colours.economy) },
    { header: w('risk'), width: 10, value: (r) => colour(r.latestReport?.colours.risk) },
    { header: w('overdue'), width: 10, kind: 'number', value: (r) => r.overdueDeliverables },
    {
      header: w('nextGate'),
      width: 18,
      value: (r) => (r.nextGate ? `${w('after')} ${phaseSpec(r.nextGate.phaseKey).title[lang].toLowerCase()}` : ''),
    },
    { header: w('expectedDate'), width: 12, kind: 'date', value: (r) => r.nextGate?.expectedDate ?? null },
    { header: w('leader'), width: 24, value: (r) => r.leader?.name ?? '' },
    { header: w('leaderEmail'), width: 28, value: (r) => r.leader?.email ?? '' },
    { header: w('waitingOn'), width: 24, value: (r) => waitingText(r.waitingOn, lang) },
    { header: w('waitingSince'), width: 12, kind: 'date', value: (r) => r.waitingOn.since },
  ];
}

/**
 * CSV for Norwegian Excel: UTF-8 with a byte-order mark (so æøå survive), `;` between fields (`,` is the
 * decimal separator), CRLF line ends, dates as dd.mm.åååå. Text that a spreadsheet would run as a formula
 * (=, +, -, @) gets a leading apostrophe.
 */
export function portfolioCsv(rows: readonly PortfolioRowDto[], lang: Lang = 'nb'): Buffer {
  const columns = exportColumns(lang);
  const field = (v: CellValue, kind?: Column['kind']): string => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return String(v);
    const text = kind === 'date' ? numericDate(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    columns.map((c) => field(c.header)).join(';'),
    ...rows.map((r) => columns.map((c) => field(c.value(r), c.kind)).join(';')),
  ];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The same table as an Excel workbook, with a bold, frozen header row and real numbers and dates. */
export async function portfolioXlsx(rows: readonly PortfolioRowDto[], lang: Lang = 'nb'): Promise<Buffer> {
  const columns = exportColumns(lang);
  const header = columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = rows.map((r) =>
    columns.map((c) => {
      const v = c.value(r);
      if (v === null || v === '') return null;
      if (c.kind === 'date' && typeof v === 'string') return { value: new Date(`${v}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' };
      if (typeof v === 'number') return { value: v, type: Number };
      return { value: v, type: String };
    }),
  );
  return writeXlsxFile([header, ...body], {
    sheet: exportWord('sheet', lang),
    columns: columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
