import { formatPercent, formatShare, surveyText, type Lang, type SurveyAnswers, type SurveyQuestion } from '@nvr/shared';
import writeXlsxFile from 'write-excel-file/node';
import type { CrossTabDto, SurveyResultsDto } from './survey-results.dto';

/**
 * The survey's files for spreadsheets: the raw anonymous answers (one row per response, one column per
 * question, and one 0/1 column per option of a multiple-choice question, which is what a spreadsheet user
 * can sum and filter), and the tables (count and share per option, and the cross-tab by the grouping
 * question with suppressed cells shown as "–").
 */

type Words = readonly [nb: string, nn: string, en: string];
const LANG_INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

/** The words of the survey's exports and report chapter, in bokmål, nynorsk and English. */
export const SURVEY_WORDS = {
  number: ['Nr.', 'Nr.', 'No.'],
  received: ['Mottatt', 'Motteke', 'Received'],
  kommune: ['Kommune', 'Kommune', 'Kommune'],
  source: ['Kilde', 'Kjelde', 'Source'],
  web: ['Nettskjema', 'Nettskjema', 'Web form'],
  import: ['Importert', 'Importert', 'Imported'],
  answer: ['Svar', 'Svar', 'Answer'],
  count: ['Antall', 'Tal', 'Count'],
  share: ['Andel', 'Del', 'Share'],
  total: ['Totalt', 'Totalt', 'Total'],
  respondents: ['Antall svar', 'Tal på svar', 'Responses'],
  answeredQuestion: ['Svarte på spørsmålet', 'Svarte på spørsmålet', 'Answered the question'],
  mean: ['Gjennomsnitt', 'Gjennomsnitt', 'Mean'],
  median: ['Median', 'Median', 'Median'],
  min: ['Lavest', 'Lågast', 'Lowest'],
  max: ['Høyest', 'Høgast', 'Highest'],
  texts: ['Fritekstsvar', 'Fritekstsvar', 'Free-text answers'],
  tables: ['Tabeller', 'Tabellar', 'Tables'],
  crossTab: ['Krysstabell', 'Krysstabell', 'Cross-tab'],
  answers: ['Svar', 'Svar', 'Answers'],
  by: ['etter', 'etter', 'by'],
  notAnswered: ['Ikke besvart', 'Ikkje svara', 'Not answered'],
  noKommune: ['Uten kommune (generell lenke)', 'Utan kommune (generell lenkje)', 'No kommune (general link)'],
  suppressedNote: [
    '– = færre enn {n} svar: grupper med færre enn {n} svar er skjult, og én gruppe til der den ellers kunne regnes ut.',
    '– = færre enn {n} svar: grupper med færre enn {n} svar er skjulte, og éi gruppe til der ho elles kunne reknast ut.',
    '– = fewer than {n} answers: groups with fewer than {n} answers are hidden, and one more group where it could otherwise be worked out.',
  ],
  // The report chapter
  chapter: ['Kapittel til sluttrapport', 'Kapittel til sluttrapport', 'Chapter for the final report'],
  project: ['Prosjekt', 'Prosjekt', 'Project'],
  region: ['Region', 'Region', 'Region'],
  period: ['Periode', 'Periode', 'Period'],
  method: ['Metode', 'Metode', 'Method'],
  results: ['Resultater', 'Resultat', 'Results'],
  methodText: [
    'Undersøkelsen ble gjennomført som et anonymt nettskjema{period}. {n} personer svarte. Svarene er ikke knyttet til navn, e-post eller IP-adresse; kommunen kommer fra lenken som ble brukt.',
    'Undersøkinga vart gjennomført som eit anonymt nettskjema{period}. {n} personar svarte. Svara er ikkje knytte til namn, e-post eller IP-adresse; kommunen kjem frå lenkja som vart brukt.',
    'The survey was carried out as an anonymous web form{period}. {n} people answered. The answers are not tied to names, e-mail or IP addresses; the kommune comes from the link used.',
  ],
  periodText: [' fra {from} til {to}', ' frå {from} til {to}', ' from {from} to {to}'],
  importedText: [
    '{n} av svarene ble samlet inn på annen måte og importert.',
    '{n} av svara vart samla inn på annan måte og importerte.',
    '{n} of the answers were collected otherwise and imported.',
  ],
  links: ['Lenker', 'Lenkjer', 'Links'],
  linksText: [
    'Undersøkelsen ble delt med egne lenker for: {list}.',
    'Undersøkinga vart delt med eigne lenkjer for: {list}.',
    'The survey was shared with links of their own for: {list}.',
  ],
  generalLink: ['en generell lenke', 'ei generell lenkje', 'a general link'],
  textsNotShown: [
    '{n} skrev en kommentar. Kommentarene gjengis ikke i rapporten.',
    '{n} skreiv ein kommentar. Kommentarane er ikkje attgjevne i rapporten.',
    '{n} wrote a comment. The comments are not reproduced in the report.',
  ],
  frozenNote: [
    'Enkeltsvarene er slettet etter oppbevaringstiden; tallene er de lagrede resultatene.',
    'Enkeltsvara er sletta etter lagringstida; tala er dei lagra resultata.',
    'The individual answers were deleted after the retention period; the figures are the stored results.',
  ],
  noAnswers: ['Ingen har svart ennå.', 'Ingen har svart enno.', 'Nobody has answered yet.'],
  belowMinimum: [
    'Færre enn {n} har svart. Resultatene vises når minst {n} har svart, så ingen enkeltsvar kan leses ut av tallene.',
    'Færre enn {n} har svart. Resultata blir viste når minst {n} har svart, så ingen enkeltsvar kan lesast ut av tala.',
    'Fewer than {n} have answered. The results are shown once at least {n} have answered, so that no single answer can be read from the figures.',
  ],
  footer: ['Laget {date} fra Næringsvennlig region', 'Laga {date} frå Næringsvennlig region', 'Made {date} from Næringsvennlig region'],
} as const satisfies Record<string, Words>;

export type SurveyWord = keyof typeof SURVEY_WORDS;

export function surveyWord(key: SurveyWord, lang: Lang, params: Record<string, string | number> = {}): string {
  return SURVEY_WORDS[key][LANG_INDEX[lang]].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Number formats, built once: Norwegian "1 234 567,5" (no-break spaces), English "1,234,567.5"; up to 0, 1 or 2 decimals. */
const NUMBER_FORMATS: Record<'no' | 'en', Intl.NumberFormat[]> = {
  no: [0, 1, 2].map((digits) => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: digits })),
  en: [0, 1, 2].map((digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits })),
};

/**
 * A number written the language's way, with digit grouping: "1 234 567,5" in Norwegian, "1,234,567.5" in
 * English; at most `digits` decimals (2 unless told). The minus is a hyphen-minus, which the PDF's
 * built-in fonts can print.
 */
export function decimal(n: number | undefined, lang: Lang, digits: 0 | 1 | 2 = 2): string {
  if (n === undefined || !Number.isFinite(n)) return '';
  return NUMBER_FORMATS[lang === 'en' ? 'en' : 'no'][digits].format(n).replace(/\u2212/g, '-');
}

/** A whole number (a count) with digit grouping: "1 234" / "1,234". */
export function whole(n: number, lang: Lang): string {
  return decimal(n, lang, 0);
}

/** The decimals a statistic is written with: a mean to one decimal, a median, min or max as it is (at most two). */
export const STAT_DIGITS = { mean: 1, median: 2, min: 2, max: 2 } as const;

export function optionLabel(q: SurveyQuestion | undefined, key: string, lang: Lang): string {
  const o = q?.options?.find((x) => x.key === key);
  return o ? surveyText(o.label, lang) : key;
}

// ---------------------------------------------------------------------------------------------------
// Cells and files

/** Text, a number, or an ISO date ('YYYY-MM-DD', written as a date cell). */
export type ExportCell = string | number | { date: string } | { percent: number } | null;
export type ExportSheet = { name: string; rows: ExportCell[][]; widths: number[] };

/**
 * CSV for Norwegian Excel (as the portfolio export): UTF-8 with BOM, ';' between fields, CRLF, dates as
 * dd.mm.åååå; text a spreadsheet would run as a formula gets a leading apostrophe. Several sheets follow
 * one another with an empty line between.
 */
export function toCsv(sheets: readonly ExportSheet[], lang: Lang): Buffer {
  const field = (v: ExportCell): string => {
    if (v === null || v === '') return '';
    if (typeof v === 'number') return lang === 'en' ? String(v) : String(v).replace('.', ',');
    if (typeof v === 'object' && 'date' in v) return v.date.split('-').reverse().join('.');
    if (typeof v === 'object') return formatPercent(v.percent, lang);
    const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = sheets.flatMap((s, i) => [...(i > 0 ? [''] : []), ...s.rows.map((r) => r.map(field).join(';'))]);
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** The sheets as an Excel workbook: bold first row, real numbers, dates and percentages. */
export async function toXlsx(sheets: readonly ExportSheet[]): Promise<Buffer> {
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
          if (typeof v === 'object') return { value: v.percent, type: Number, format: '0.0%' };
          return { value: v, type: String, ...(i === 0 ? { fontWeight: 'bold' as const } : {}) };
        }),
      ),
    })),
  ).toBuffer();
}

// ---------------------------------------------------------------------------------------------------
// Raw answers

export interface RawResponse {
  answers: SurveyAnswers;
  kommuneName: string | null;
  receivedOn: string;
  source: 'web' | 'import';
}

/** One row per response: number, received date, kommune, source, then the questions (multiple choice: one 0/1 column per option). */
export function rawSheet(questions: readonly SurveyQuestion[], responses: readonly RawResponse[], lang: Lang): ExportSheet {
  const w = (k: SurveyWord) => surveyWord(k, lang);
  const head: ExportCell[] = [w('number'), w('received'), w('kommune'), w('source')];
  const widths = [6, 12, 20, 12];
  for (const q of questions) {
    const text = surveyText(q.text, lang);
    if (q.kind === 'multiple') {
      for (const o of q.options ?? []) {
        head.push(`${text}: ${surveyText(o.label, lang)}`);
        widths.push(14);
      }
    } else {
      head.push(text);
      widths.push(q.kind === 'text' ? 50 : 20);
    }
  }
  const rows = responses.map((r, i) => {
    const row: ExportCell[] = [i + 1, { date: r.receivedOn }, r.kommuneName ?? '', w(r.source)];
    for (const q of questions) {
      const v = r.answers[q.key];
      if (q.kind === 'multiple') {
        const chosen = Array.isArray(v) ? v : [];
        for (const o of q.options ?? []) row.push(v === undefined ? null : chosen.includes(o.key) ? 1 : 0);
      } else if (v === undefined) row.push(null);
      else if (q.kind === 'single' && typeof v === 'string') row.push(optionLabel(q, v, lang));
      else if (typeof v === 'number') row.push(v);
      else row.push(Array.isArray(v) ? v.join('; ') : v);
    }
    return row;
  });
  return { name: w('answers'), rows: [head, ...rows], widths };
}

// ---------------------------------------------------------------------------------------------------
// Tables

/**
 * Count and share per option of each question; mean (to one decimal) and spread of scales and numbers; how
 * many wrote a text. Numbers stay numbers (no digit grouping), so a spreadsheet can compute with them.
 */
export function tablesSheet(
  questions: readonly SurveyQuestion[],
  results: SurveyResultsDto,
  lang: Lang,
  minGroupSize: number,
): ExportSheet {
  const w = (k: SurveyWord) => surveyWord(k, lang);
  const rows: ExportCell[][] = [
    [w('answer'), w('count'), w('share')],
    [w('respondents'), results.total, null],
  ];
  if (results.belowMinimum) rows.push([null, null, null], [surveyWord('belowMinimum', lang, { n: minGroupSize }), null, null]);
  for (const t of results.questions) {
    const q = questions.find((x) => x.key === t.key);
    rows.push([null, null, null], [q ? surveyText(q.text, lang) : t.key, null, null]);
    rows.push([w('answeredQuestion'), t.answered, null]);
    for (const o of t.options ?? []) rows.push([t.kind === 'scale' ? o.key : optionLabel(q, o.key, lang), o.count, { percent: o.share }]);
    if (t.kind === 'scale' || t.kind === 'number') {
      for (const k of ['mean', 'median', 'min', 'max'] as const) {
        const v = t[k];
        if (v !== undefined) rows.push([w(k), roundTo(v, STAT_DIGITS[k]), null]);
      }
    }
    if (t.kind === 'text') rows.push([w('texts'), t.textCount ?? 0, null]);
  }
  return { name: w('tables'), rows, widths: [50, 10, 10] };
}

function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Cross-tabs with a column per group (its n in the heading) and "–" where a group is suppressed. */
export function crossTabSheet(tabs: readonly CrossTabDto[], lang: Lang, empty: string = surveyWord('noAnswers', lang)): ExportSheet {
  const w = (k: SurveyWord) => surveyWord(k, lang);
  const rows: ExportCell[][] = [];
  let columns = 2;
  for (const tab of tabs) {
    if (rows.length) rows.push([null]);
    rows.push([`${tab.questionText} ${w('by')} ${tab.byText.toLocaleLowerCase(lang === 'en' ? 'en' : 'nb')}`]);
    rows.push([w('answer'), w('total'), ...tab.groups.map((g) => (g.n === null ? `${g.label} (–)` : `${g.label} (n=${g.n})`))]);
    for (const r of tab.rows)
      rows.push([
        r.label,
        formatShare(r.total.share, r.total.count, lang),
        ...r.cells.map((c) => (c ? formatShare(c.share, c.count, lang) : '–')),
      ]);
    if (tab.groups.some((g) => g.suppressed)) rows.push([surveyWord('suppressedNote', lang, { n: tab.minGroupSize })]);
    columns = Math.max(columns, tab.groups.length + 2);
  }
  if (!rows.length) rows.push([empty]);
  return { name: w('crossTab'), rows, widths: [40, ...Array.from({ length: columns - 1 }, () => 18)] };
}
