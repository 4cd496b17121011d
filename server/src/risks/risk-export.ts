import { quarterParts, type Lang, type RiskLevel, type RiskStatus, type RiskStrategy } from '@nvr/shared';
import writeXlsxFile from 'write-excel-file/node';
import type { RiskDto } from './risk.dto';

/**
 * The register as a spreadsheet (CSV for Norwegian Excel, or XLSX): one row per risk with every field,
 * the scores before and after measures and their levels, in the reader's language.
 */

type Words = readonly [nb: string, nn: string, en: string];
const INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

const WORDS = {
  sheet: ['Risikoregister', 'Risikoregister', 'Risk register'],
  number: ['Nr.', 'Nr.', 'No.'],
  description: ['Risiko', 'Risiko', 'Risk'],
  cause: ['Årsak', 'Årsak', 'Cause'],
  consequence: ['Konsekvens', 'Konsekvens', 'Consequence'],
  probabilityBefore: ['Sannsynlighet før tiltak', 'Sannsyn før tiltak', 'Probability before measures'],
  consequenceBefore: ['Konsekvens før tiltak', 'Konsekvens før tiltak', 'Consequence before measures'],
  scoreBefore: ['Risiko før tiltak', 'Risiko før tiltak', 'Score before measures'],
  levelBefore: ['Nivå før tiltak', 'Nivå før tiltak', 'Level before measures'],
  measures: ['Tiltak', 'Tiltak', 'Measures'],
  probabilityAfter: ['Sannsynlighet etter tiltak', 'Sannsyn etter tiltak', 'Probability after measures'],
  consequenceAfter: ['Konsekvens etter tiltak', 'Konsekvens etter tiltak', 'Consequence after measures'],
  scoreAfter: ['Risiko etter tiltak', 'Risiko etter tiltak', 'Score after measures'],
  levelAfter: ['Nivå etter tiltak', 'Nivå etter tiltak', 'Level after measures'],
  strategy: ['Strategi', 'Strategi', 'Strategy'],
  owner: ['Eier', 'Eigar', 'Owner'],
  proximity: ['Når (kvartal)', 'Når (kvartal)', 'When (quarter)'],
  status: ['Status', 'Status', 'Status'],
  updated: ['Sist endret', 'Sist endra', 'Last changed'],
  quarter: ['{q}. kvartal {y}', '{q}. kvartal {y}', 'Q{q} {y}'],
} as const satisfies Record<string, Words>;

const VALUES: Record<RiskStrategy | RiskStatus | RiskLevel, Words> = {
  avoid: ['Unngå', 'Unngå', 'Avoid'],
  reduce: ['Redusere', 'Redusere', 'Reduce'],
  transfer: ['Overføre', 'Overføre', 'Transfer'],
  accept: ['Akseptere', 'Akseptere', 'Accept'],
  open: ['Åpen', 'Open', 'Open'],
  closed: ['Lukket', 'Lukka', 'Closed'],
  occurred: ['Inntruffet', 'Inntreft', 'Occurred'],
  low: ['Lav', 'Låg', 'Low'],
  medium: ['Middels', 'Middels', 'Medium'],
  high: ['Høy', 'Høg', 'High'],
};

const word = (key: keyof typeof WORDS, lang: Lang) => WORDS[key][INDEX[lang]];
const value = (v: RiskStrategy | RiskStatus | RiskLevel, lang: Lang) => VALUES[v][INDEX[lang]];

export function riskSheetName(lang: Lang): string {
  return word('sheet', lang);
}

/** "3. kvartal 2027" / "Q3 2027". */
export function quarterWords(quarter: string | null, lang: Lang): string {
  if (!quarter) return '';
  const { year, quarter: q } = quarterParts(quarter);
  return word('quarter', lang).replace('{q}', String(q)).replace('{y}', String(year));
}

type Cell = string | number | { date: string } | null;

const COLUMNS = [
  ['number', 6],
  ['description', 40],
  ['cause', 30],
  ['consequence', 30],
  ['probabilityBefore', 12],
  ['consequenceBefore', 12],
  ['scoreBefore', 12],
  ['levelBefore', 12],
  ['measures', 40],
  ['probabilityAfter', 12],
  ['consequenceAfter', 12],
  ['scoreAfter', 12],
  ['levelAfter', 12],
  ['strategy', 12],
  ['owner', 24],
  ['proximity', 16],
  ['status', 12],
  ['updated', 12],
] as const satisfies readonly (readonly [keyof typeof WORDS, number])[];

function rowsOf(risks: readonly RiskDto[], lang: Lang): Cell[][] {
  const head: Cell[] = COLUMNS.map(([key]) => word(key, lang));
  const body = risks.map((r): Cell[] => [
    r.number,
    r.description,
    r.cause,
    r.consequence,
    r.probabilityBefore,
    r.consequenceBefore,
    r.scoreBefore,
    value(r.levelBefore, lang),
    r.measures,
    r.probabilityAfter,
    r.consequenceAfter,
    r.scoreAfter,
    value(r.levelAfter, lang),
    value(r.strategy, lang),
    r.owner?.name ?? '',
    quarterWords(r.proximity, lang),
    value(r.status, lang),
    { date: r.updatedAt.slice(0, 10) },
  ]);
  return [head, ...body];
}

/**
 * CSV for Norwegian Excel (as the portfolio and survey exports): UTF-8 with BOM, ';' between fields, CRLF,
 * dates as dd.mm.åååå; text a spreadsheet would run as a formula gets a leading apostrophe.
 */
export function risksCsv(risks: readonly RiskDto[], lang: Lang): Buffer {
  const field = (v: Cell): string => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'object') return v.date.split('-').reverse().join('.');
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rowsOf(risks, lang).map((r) => r.map(field).join(';'));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The register as an Excel workbook: bold first row, real numbers and dates. */
export async function risksXlsx(risks: readonly RiskDto[], lang: Lang): Promise<Buffer> {
  return writeXlsxFile([
    {
      sheet: word('sheet', lang).slice(0, 31),
      columns: COLUMNS.map(([, width]) => ({ width })),
      stickyRowsCount: 1,
      data: rowsOf(risks, lang).map((r, i) =>
        r.map((v) => {
          if (v === null || v === '') return null;
          if (typeof v === 'number') return { value: v, type: Number };
          if (typeof v === 'object') return { value: new Date(`${v.date}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' };
          return { value: v, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) };
        }),
      ),
    },
  ]).toBuffer();
}
