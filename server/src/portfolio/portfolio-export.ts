import { DurationStatus, numericDate, phaseSpec, PhaseState, ProjectStatus, StatusColour } from '@nvr/shared';
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

const STATUS: Record<ProjectStatus, string> = { active: 'Aktiv', completed: 'Fullført', stopped: 'Stoppet' };
const PHASE_STATE: Record<PhaseState, string> = {
  not_started: 'Ikke startet',
  in_progress: 'Pågår',
  awaiting_decision: 'Venter på vedtak',
  completed: 'Fullført',
  stopped: 'Stoppet',
};
const DURATION: Record<DurationStatus, string> = {
  unknown: 'Ukjent',
  within: 'Innenfor anbefalt',
  short: 'Kortere enn anbefalt',
  long: 'Lengre enn anbefalt',
  no_recommendation: 'Ingen anbefaling',
};
const COLOUR: Record<StatusColour, string> = { green: 'Grønn', yellow: 'Gul', red: 'Rød' };

const colour = (c: StatusColour | null | undefined) => (c ? COLOUR[c] : '');

/** The columns of the export, in Norwegian bokmål: the same in CSV and Excel. */
export const EXPORT_COLUMNS: Column[] = [
  { header: 'Prosjekt', width: 40, value: (r) => r.name },
  { header: 'Region', width: 24, value: (r) => r.regionName },
  { header: 'Fylke', width: 20, value: (r) => r.counties.join(', ') },
  { header: 'Status', width: 10, value: (r) => STATUS[r.status] },
  { header: 'Fase', width: 16, value: (r) => (r.currentPhaseKey ? phaseSpec(r.currentPhaseKey).title.nb : '') },
  { header: 'Fasestatus', width: 18, value: (r) => (r.currentPhaseState ? PHASE_STATE[r.currentPhaseState] : '') },
  { header: 'Fase startet', width: 12, kind: 'date', value: (r) => r.phaseStartedOn },
  { header: 'Måneder i fasen', width: 10, kind: 'number', value: (r) => r.monthsInPhase },
  {
    header: 'Anbefalt lengde (måneder)',
    width: 10,
    value: (r) => (r.recommendedMonths ? `${r.recommendedMonths.min}–${r.recommendedMonths.max}` : ''),
  },
  { header: 'Varighet', width: 20, value: (r) => DURATION[r.durationStatus] },
  { header: 'Siste statusrapport', width: 10, value: (r) => r.latestReport?.period ?? '' },
  { header: 'Samlet status', width: 10, value: (r) => colour(r.latestReport?.colours.overall) },
  { header: 'Fremdrift', width: 10, value: (r) => colour(r.latestReport?.colours.progress) },
  { header: 'Økonomi', width: 10, value: (r) => colour(r.latestReport?.colours.economy) },
  { header: 'Risiko', width: 10, value: (r) => colour(r.latestReport?.colours.risk) },
  { header: 'Forfalte leveranser', width: 10, kind: 'number', value: (r) => r.overdueDeliverables },
  {
    header: 'Neste beslutningspunkt',
    width: 18,
    value: (r) => (r.nextGate ? `Etter ${phaseSpec(r.nextGate.phaseKey).title.nb.toLowerCase()}` : ''),
  },
  { header: 'Forventet dato', width: 12, kind: 'date', value: (r) => r.nextGate?.expectedDate ?? null },
  { header: 'Prosjektleder', width: 24, value: (r) => r.leader?.name ?? '' },
  { header: 'E-post prosjektleder', width: 28, value: (r) => r.leader?.email ?? '' },
];

/**
 * CSV for Norwegian Excel: UTF-8 with a byte-order mark (so æøå survive), `;` between fields (`,` is the
 * decimal separator), CRLF line ends, dates as dd.mm.åååå. Text that a spreadsheet would run as a formula
 * (=, +, -, @) gets a leading apostrophe.
 */
export function portfolioCsv(rows: readonly PortfolioRowDto[]): Buffer {
  const field = (v: CellValue, kind?: Column['kind']): string => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return String(v);
    const text = kind === 'date' ? numericDate(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    EXPORT_COLUMNS.map((c) => field(c.header)).join(';'),
    ...rows.map((r) => EXPORT_COLUMNS.map((c) => field(c.value(r), c.kind)).join(';')),
  ];
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The same table as an Excel workbook, with a bold, frozen header row and real numbers and dates. */
export async function portfolioXlsx(rows: readonly PortfolioRowDto[]): Promise<Buffer> {
  const header = EXPORT_COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const body = rows.map((r) =>
    EXPORT_COLUMNS.map((c) => {
      const v = c.value(r);
      if (v === null || v === '') return null;
      if (c.kind === 'date' && typeof v === 'string') return { value: new Date(`${v}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' };
      if (typeof v === 'number') return { value: v, type: Number };
      return { value: v, type: String };
    }),
  );
  return writeXlsxFile([header, ...body], {
    sheet: 'Portefølje',
    columns: EXPORT_COLUMNS.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
  }).toBuffer();
}
