import type { Lang } from '@nvr/shared';
import writeXlsxFile from 'write-excel-file/node';
import type { FileContent } from '../files/file.service';
import type { BenefitRegisterDto } from './benefit.dto';
import { benefitWord, trendWord, type BenefitWord } from './benefit-words';

/** Text, a number, a date ('YYYY-MM-DD', written as a date cell) or a share (written as a percentage). */
type Cell = string | number | { date: string } | { percent: number } | null;
interface Sheet {
  name: string;
  rows: Cell[][];
  widths: number[];
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The register for spreadsheets: one sheet with a row per indicator (a benefit without indicators gets one
 * row of its own) with its latest measurement and trend, and one with every measurement. Numbers and dates
 * stay numbers and dates, so a spreadsheet can compute and filter.
 */
export async function exportRegister(
  register: BenefitRegisterDto,
  format: 'csv' | 'xlsx',
  lang: Lang,
  today: string,
): Promise<FileContent> {
  const w = (k: BenefitWord) => benefitWord(k, lang);
  const benefits: Cell[][] = [
    [
      w('number'),
      w('benefit'),
      w('area'),
      w('owner'),
      w('indicator'),
      w('unit'),
      w('startValue'),
      w('startDate'),
      w('targetValue'),
      w('targetDate'),
      w('latestDate'),
      w('latestValue'),
      w('share'),
      w('trend'),
      w('closed'),
    ],
  ];
  const measurements: Cell[][] = [
    [w('number'), w('benefit'), w('indicator'), w('unit'), w('date'), w('value'), w('comment'), w('recordedBy')],
  ];
  for (const b of register.benefits) {
    const head: Cell[] = [`G${b.number}`, b.title, b.benefitArea ?? w('noArea'), b.owner?.name ?? w('noOwner')];
    if (!b.indicators.length)
      benefits.push([...head, null, null, null, null, null, null, null, null, null, trendWord(b.trend, lang), null]);
    for (const i of b.indicators) {
      benefits.push([
        ...head,
        i.name,
        i.unit,
        i.startValue,
        { date: i.startDate },
        i.targetValue,
        { date: i.targetDate },
        i.latest ? { date: i.latest.date } : null,
        i.latest ? i.latest.value : null,
        i.share === null ? null : { percent: i.share },
        trendWord(i.trend, lang),
        i.closed ? w('yes') : w('no'),
      ]);
      for (const m of i.measurements) {
        measurements.push([`G${b.number}`, b.title, i.name, i.unit, { date: m.measuredOn }, m.value, m.comment, m.recordedBy?.name ?? '']);
      }
    }
  }
  const sheets: Sheet[] = [
    { name: w('sheetBenefits'), rows: benefits, widths: [6, 40, 30, 22, 30, 10, 12, 12, 12, 12, 14, 12, 14, 14, 10] },
    { name: w('sheetMeasurements'), rows: measurements, widths: [6, 40, 30, 10, 12, 12, 50, 22] },
  ];
  const name = `${benefitWord('fileStem', lang)}-${fileStem(register.projectName)}-${today}`;
  if (format === 'xlsx') return { data: await toXlsx(sheets), contentType: XLSX, filename: `${name}.xlsx` };
  return { data: toCsv(sheets, lang), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
}

/** A project name as part of a file name: lower case, letters, digits and dashes. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'prosjekt'
  );
}

/**
 * CSV for Norwegian Excel (as the other exports): UTF-8 with BOM, ';' between fields, CRLF, dates as
 * dd.mm.åååå, decimal comma in Norwegian; text a spreadsheet would run as a formula gets a leading
 * apostrophe. The sheets follow one another with an empty line between.
 */
function toCsv(sheets: readonly Sheet[], lang: Lang): Buffer {
  const number = (n: number) => (lang === 'en' ? String(n) : String(n).replace('.', ','));
  const field = (v: Cell): string => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return number(v);
    if (typeof v === 'object' && 'date' in v) return v.date.split('-').reverse().join('.');
    if (typeof v === 'object') return `${number(Math.round(v.percent * 1000) / 10)} %`;
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = sheets.flatMap((s, i) => [...(i > 0 ? [''] : []), ...s.rows.map((r) => r.map(field).join(';'))]);
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The sheets as an Excel workbook: bold first row, real numbers, dates and percentages. */
async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  return writeXlsxFile(
    sheets.map((s) => ({
      sheet: s.name.slice(0, 31),
      columns: s.widths.map((width) => ({ width })),
      stickyRowsCount: 1,
      data: s.rows.map((r, i) =>
        r.map((v) => {
          if (v === null || v === '') return null;
          if (typeof v === 'number') return { value: v, type: Number };
          if (typeof v === 'object' && 'date' in v) return { value: new Date(`${v.date}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' };
          if (typeof v === 'object') return { value: v.percent, type: Number, format: '0%' };
          return { value: v, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) };
        }),
      ),
    })),
  ).toBuffer();
}
