import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import {
  surveyText,
  validateAnswers,
  type AnswerProblemCode,
  type Lang,
  type SurveyAnswer,
  type SurveyAnswers,
  type SurveyQuestion,
} from '@nvr/shared';
import { zipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { readSheet } from 'read-excel-file/node';
import { DomainError } from '../common/domain-error';
import type { UploadedFileLike } from '../files/file-validation';
import './survey-results.errors';

/**
 * Importing answers collected elsewhere (Questback, Nettskjema, a paper form typed into Excel): a CSV or
 * XLSX file with a header row, whose columns the leader maps to the survey's questions. Each row becomes
 * one response; a row that does not fit is reported with its row number as the spreadsheet shows it
 * (the header is row 1), the column and a reason. The service stores all rows or none.
 */

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** More problems than this are summed up in one last line, so the answer stays readable. */
export const IMPORT_MAX_PROBLEMS = 1000;

export type Cell = string | number | boolean | Date | null;

export interface ImportMapping {
  /** Column header → question key. */
  columns: Record<string, string>;
  /** The column naming the respondent's kommune (by name or number). */
  kommuneColumn?: string;
}

export interface ImportKommune {
  id: string;
  number: string;
  name: string;
}

export interface ImportProblem {
  row: number;
  column: string;
  code: ImportProblemCode;
  message: string;
}

export interface ParsedImport {
  columns: string[];
  /** Rows with something in a mapped column (the header, empty rows and skipped rows not counted). */
  rows: number;
  responses: { answers: SurveyAnswers; kommuneId: string | null }[];
  problems: ImportProblem[];
  /**
   * Rows (as the spreadsheet numbers them) with content only in columns not mapped to a question: no
   * answer to store, so they are left out rather than stored as empty responses.
   */
  skipped: number[];
}

/** The multipart endpoint for imports: `file` (CSV or XLSX, at most 5 MB) and the `mapping` JSON text. */
export function ImportUploadEndpoint(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES * 2, files: 1, fields: 4, fieldSize: 65536 } })),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: {
          file: {
            type: 'string',
            format: 'binary',
            description: 'CSV (; , or tab separated) or Excel (.xlsx) with a header row, at most 5 MB',
          },
          mapping: {
            type: 'string',
            description: 'JSON: {"columns": {"<column header>": "<question key>"}, "kommuneColumn"?: "<column header>"}',
          },
        },
      },
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading the file

/** The table of cells in an uploaded CSV or XLSX file, judged by its content (an XLSX is a zip with a workbook). */
export async function readSpreadsheet(file: UploadedFileLike | undefined): Promise<Cell[][]> {
  if (!file || file.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose a CSV or Excel file to import (field "file").', [
      { field: 'file', messages: ['file is required'] },
    ]);
  if (file.size > IMPORT_MAX_BYTES)
    throw new DomainError(
      'SURVEY_IMPORT_TOO_LARGE',
      `The file is ${(file.size / 1048576).toFixed(1)} MB; at most ${IMPORT_MAX_BYTES / 1048576} MB can be imported. Split it into several files.`,
    ).withParams({ sizeMb: Number((file.size / 1048576).toFixed(1)), maxMb: IMPORT_MAX_BYTES / 1048576 });
  const b = file.buffer;
  if (b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    const parts = unpackWorkbook(b);
    if (!parts['xl/workbook.xml'])
      throw new DomainError(
        'SURVEY_IMPORT_FILE_INVALID',
        'The file is a zip archive but not an Excel workbook (.xlsx). Save it from the spreadsheet program as .xlsx or CSV.',
      );
    try {
      // Packed again without compression: the reader sees exactly the parts measured above.
      const data = await readSheet(Buffer.from(zipSync(parts, { level: 0 })));
      return data.map((row) => row.map(toCell));
    } catch {
      throw new DomainError('SURVEY_IMPORT_FILE_INVALID', 'The Excel file could not be read. Open it and save it again as .xlsx or CSV.');
    }
  }
  const text = decodeText(b);
  if (text === null)
    throw new DomainError(
      'SURVEY_IMPORT_FILE_INVALID',
      'Only CSV files and Excel workbooks (.xlsx) can be imported; this file is neither. Export the answers as CSV or .xlsx.',
    );
  return parseCsv(text);
}

function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  return String(v);
}

/**
 * At most this much may the parts of an Excel file unpack to. A 5 MB workbook of plain answers unpacks
 * to some 50 MB of XML at most; more is a zip bomb (a small file unpacking to gigabytes).
 */
export const IMPORT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const tooLargeUnpacked = () =>
  new DomainError(
    'SURVEY_IMPORT_TOO_LARGE',
    `The Excel file unpacks to more than ${IMPORT_MAX_UNPACKED_BYTES / 1048576} MB. Split it into several files, or save it as CSV.`,
  );
const notReadable = () =>
  new DomainError('SURVEY_IMPORT_FILE_INVALID', 'The Excel file could not be read. Open it and save it again as .xlsx or CSV.');

/** The parts read-excel-file reads (it skips images, printer settings and the like). */
const isSheetPart = (name: string) => name.endsWith('.xml') || name.endsWith('.rels');

/**
 * The XML parts of a zip archive, unpacked by its central directory with a cap on their total size:
 * refused with 422 SURVEY_IMPORT_TOO_LARGE when the sizes the archive states add up to more than
 * `maxBytes`, and when unpacking produces more than that whatever the archive states (zlib stops at the
 * cap, so neither memory nor time grows with the bomb). Zip64, encryption and unknown compression
 * methods are refused as unreadable (SURVEY_IMPORT_FILE_INVALID); no .xlsx under 5 MB needs them.
 */
export function unpackWorkbook(b: Uint8Array, maxBytes = IMPORT_MAX_UNPACKED_BYTES): Record<string, Uint8Array> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => (at + 2 <= b.length ? v.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= b.length ? v.getUint32(at, true) : -1);
  // The end of central directory record: 22 bytes and a comment of at most 65535.
  let end = b.length - 22;
  const stop = Math.max(0, end - 65535);
  while (end >= stop && u32(end) !== 0x06054b50) end -= 1;
  if (end < stop) throw notReadable();
  const count = u16(end + 10);
  let at = u32(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw notReadable();
  const entries: { name: string; method: number; data: Uint8Array; size: number }[] = [];
  let stated = 0;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw notReadable();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const packed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (next > b.length) throw notReadable();
    const name = new TextDecoder().decode(b.subarray(at + 46, at + 46 + nameLength));
    at = next;
    if (!isSheetPart(name)) continue;
    if (flags & 1 || packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff || u32(local) !== 0x04034b50) throw notReadable();
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + packed > b.length) throw notReadable();
    stated += size;
    if (stated > maxBytes) throw tooLargeUnpacked();
    entries.push({ name, method, data: b.subarray(start, start + packed), size });
  }
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  for (const e of entries) {
    let out: Uint8Array;
    if (e.method === 0) out = e.data;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(e.data, { maxOutputLength: Math.max(1, maxBytes - total) });
      } catch (err) {
        throw (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? tooLargeUnpacked() : notReadable();
      }
    } else throw notReadable();
    total += out.length;
    if (total > maxBytes) throw tooLargeUnpacked();
    if (out.length !== e.size) throw notReadable();
    parts[e.name] = out;
  }
  return parts;
}

/** The file as text: UTF-16 with a byte-order mark, UTF-8, or else Windows-1252 (old Excel on Windows); null for binary files. */
export function decodeText(b: Buffer): string | null {
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return null;
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder('utf-16le').decode(b.subarray(2));
  else if (b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder('utf-16be').decode(b.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(b);
    } catch {
      text = new TextDecoder('windows-1252').decode(b);
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex -- control characters mark a binary file
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
  return text;
}

/**
 * CSV as spreadsheets write it: fields separated by the separator the header row uses most (';' in
 * Norwegian Excel, ',' or tab elsewhere), double quotes around fields holding separators, quotes or
 * line breaks, "" for a quote inside them, and CRLF or LF line ends.
 */
export function parseCsv(text: string): string[][] {
  const sep = detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === sep) {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function detectSeparator(text: string): string {
  const end = text.search(/\r|\n/);
  const first = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts: [string, number][] = [';', ',', '\t'].map((s) => [s, first.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ';';
}

// ---------------------------------------------------------------------------------------------------
// The mapping

/** The `mapping` field: {columns: {header: questionKey}, kommuneColumn?}. Refuses anything else with 400 naming the field. */
export function parseMapping(raw: string | undefined): ImportMapping {
  const refuse = (why: string): never => {
    throw new DomainError('VALIDATION_FAILED', `mapping ${why}`, [{ field: 'mapping', messages: [`mapping ${why}`] }]);
  };
  if (raw === undefined || raw.trim() === '') return { columns: {} };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return refuse('must be JSON: {"columns": {"<column header>": "<question key>"}, "kommuneColumn": "<column header>"}');
  }
  if (!isRecord(value)) return refuse('must be a JSON object');
  for (const k of Object.keys(value)) if (k !== 'columns' && k !== 'kommuneColumn') refuse(`has an unknown field "${k}"`);
  const columns = value.columns ?? {};
  if (!isRecord(columns)) return refuse('.columns must be an object from column header to question key');
  const out: Record<string, string> = {};
  for (const [header, key] of Object.entries(columns)) {
    if (typeof key !== 'string') refuse(`.columns["${header}"] must be a question key`);
    else if (key !== '') out[header.trim()] = key;
  }
  const kommuneColumn = value.kommuneColumn;
  if (kommuneColumn !== undefined && kommuneColumn !== null && typeof kommuneColumn !== 'string')
    refuse('.kommuneColumn must be a column header');
  return { columns: out, ...(typeof kommuneColumn === 'string' && kommuneColumn.trim() ? { kommuneColumn: kommuneColumn.trim() } : {}) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------------
// Rows to answers

export type ImportProblemCode =
  | AnswerProblemCode
  | 'unknown_column'
  | 'duplicate_column'
  | 'duplicate_mapping'
  | 'required_unmapped'
  | 'not_a_number'
  | 'ambiguous_number'
  | 'unknown_kommune'
  | 'too_many_problems';

type Words = readonly [nb: string, nn: string, en: string];
const LANG_INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

/** Reasons a person can act on, with {value}, {question}, {limit}, {column} filled in. */
const MESSAGES: Record<ImportProblemCode, Words> = {
  required: [
    '«{question}» må besvares, men cellen er tom.',
    '«{question}» må svarast på, men cella er tom.',
    '“{question}” must be answered, but the cell is empty.',
  ],
  unknown_question: [
    'Kolonnen er koblet til et spørsmål som ikke finnes i undersøkelsen ({value}).',
    'Kolonna er kopla til eit spørsmål som ikkje finst i undersøkinga ({value}).',
    'The column is mapped to a question the survey does not have ({value}).',
  ],
  wrong_type: [
    '«{value}» er ikke et svar som passer til «{question}».',
    '«{value}» er ikkje eit svar som passar til «{question}».',
    '“{value}” is not an answer that fits “{question}”.',
  ],
  unknown_option: [
    '«{value}» er ikke et av svaralternativene til «{question}». Bruk alternativets tekst eller nøkkel.',
    '«{value}» er ikkje eitt av svaralternativa til «{question}». Bruk teksten eller nøkkelen til alternativet.',
    '“{value}” is not one of the options of “{question}”. Use the option’s text or key.',
  ],
  duplicate_option: [
    'Samme svaralternativ står flere ganger i «{question}».',
    'Same svaralternativ står fleire gonger i «{question}».',
    'The same option is given more than once for “{question}”.',
  ],
  too_many_choices: [
    '«{question}» tillater høyst {limit} valg.',
    '«{question}» tillèt høgst {limit} val.',
    '“{question}” allows at most {limit} choices.',
  ],
  out_of_range: [
    '{value} er utenfor det tillatte området for «{question}».',
    '{value} er utanfor det tillatne området for «{question}».',
    '{value} is outside the range allowed for “{question}”.',
  ],
  not_whole_number: [
    '{value} er ikke et helt tall; «{question}» tar bare hele tall.',
    '{value} er ikkje eit heilt tal; «{question}» tek berre heile tal.',
    '{value} is not a whole number; “{question}” takes whole numbers only.',
  ],
  too_long: ['Teksten er lengre enn {limit} tegn.', 'Teksten er lengre enn {limit} teikn.', 'The text is longer than {limit} characters.'],
  not_a_number: [
    '«{value}» er ikke et tall, men «{question}» skal besvares med et tall.',
    '«{value}» er ikkje eit tal, men «{question}» skal svarast på med eit tal.',
    '“{value}” is not a number, but “{question}” is answered with a number.',
  ],
  ambiguous_number: [
    '«{value}» kan leses både som et desimaltall og som tusen-tall. Skriv tallet uten punktum og komma (1000), eller med mellomrom (1 000).',
    '«{value}» kan lesast både som eit desimaltal og som tusen-tal. Skriv talet utan punktum og komma (1000), eller med mellomrom (1 000).',
    '“{value}” could be read as a decimal or as thousands. Write the number without points and commas (1000), or with spaces (1 000).',
  ],
  unknown_kommune: [
    '«{value}» er ikke en av kommunene i prosjektet. Skriv kommunens navn eller nummer.',
    '«{value}» er ikkje ein av kommunane i prosjektet. Skriv namnet eller nummeret til kommunen.',
    '“{value}” is not one of the project’s kommuner. Write the kommune’s name or number.',
  ],
  unknown_column: [
    'Filen har ingen kolonne med overskriften «{column}».',
    'Fila har inga kolonne med overskrifta «{column}».',
    'The file has no column headed “{column}”.',
  ],
  duplicate_column: [
    'Overskriften «{column}» står i flere kolonner; gi kolonnene ulike overskrifter.',
    'Overskrifta «{column}» står i fleire kolonner; gi kolonnene ulike overskrifter.',
    'The header “{column}” heads several columns; give the columns different headers.',
  ],
  duplicate_mapping: [
    'Flere kolonner er koblet til «{question}»; koble bare én.',
    'Fleire kolonner er kopla til «{question}»; kople berre éi.',
    'Several columns are mapped to “{question}”; map only one.',
  ],
  required_unmapped: [
    '«{question}» må besvares, men ingen kolonne er koblet til spørsmålet.',
    '«{question}» må svarast på, men inga kolonne er kopla til spørsmålet.',
    '“{question}” must be answered, but no column is mapped to it.',
  ],
  too_many_problems: [
    'og {limit} problemer til (rett de over først).',
    'og {limit} problem til (rett dei over først).',
    'and {limit} more problems (correct those above first).',
  ],
};

function message(
  code: ImportProblemCode,
  lang: Lang,
  params: { value?: string; question?: string; limit?: number; column?: string },
): string {
  return MESSAGES[code][LANG_INDEX[lang]].replace(/\{(value|question|limit|column)\}/g, (_, k: keyof typeof params) =>
    String(params[k] ?? '').slice(0, 200),
  );
}

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('nb');

/** A cell as the text a person sees, trimmed ('' when empty). */
function cellText(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

const compactNumber = (s: string) => s.replace(/[\s\u00a0\u202f]/g, '');

/**
 * "1.000", "1,000", "12.500": a thousands separator to some, a decimal point to others (1 or 1000?).
 * Such a cell is reported rather than guessed; "1000", "1 000" and "4,5" are clear.
 */
export function isAmbiguousNumber(c: Cell): boolean {
  return typeof c === 'string' && /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/.test(compactNumber(c));
}

/** "4", "4,0", "4.0", "1 000", " -3 " → number; anything else, and ambiguous "1.000" → null. */
export function parseNumber(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  if (typeof c !== 'string' || isAmbiguousNumber(c)) return null;
  const s = compactNumber(c).replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  return Number(s);
}

type Converted = { value: SurveyAnswer } | { code: ImportProblemCode; value: string } | null;

/** Finds option keys by key or by the bokmål label, case-insensitively. */
function optionIndex(q: SurveyQuestion): Map<string, string> {
  const m = new Map<string, string>();
  for (const o of q.options ?? []) m.set(norm(o.label.nb), o.key);
  for (const o of q.options ?? []) m.set(norm(o.key), o.key);
  return m;
}

function convert(q: SurveyQuestion, c: Cell, options: Map<string, string>): Converted {
  const text = cellText(c);
  if (text === '') return null;
  switch (q.kind) {
    case 'single': {
      const key = options.get(norm(text));
      return key ? { value: key } : { code: 'unknown_option', value: text };
    }
    case 'multiple': {
      const whole = options.get(norm(text));
      if (whole) return { value: [whole] };
      const parts = text
        .split(text.includes(';') ? ';' : ',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const keys: string[] = [];
      for (const p of parts) {
        const key = options.get(norm(p));
        if (!key) return { code: 'unknown_option', value: p };
        keys.push(key);
      }
      return { value: keys };
    }
    case 'scale':
    case 'number': {
      if (isAmbiguousNumber(c)) return { code: 'ambiguous_number', value: text };
      const n = parseNumber(c);
      return n === null ? { code: 'not_a_number', value: text } : { value: n };
    }
    case 'text':
      return { value: typeof c === 'string' ? c.trim() : text };
  }
}

/** Finds a kommune by name or number ("301" and "0301" both find Oslo). */
function kommuneIndex(kommuner: readonly ImportKommune[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of kommuner) {
    m.set(norm(k.name), k.id);
    m.set(k.number.trim().padStart(4, '0'), k.id);
  }
  return m;
}

function findKommune(c: Cell, index: Map<string, string>): string | undefined {
  const text = cellText(c);
  if (/^\d{1,4}$/.test(text)) return index.get(text.padStart(4, '0'));
  return index.get(norm(text));
}

/**
 * Turns the table into responses: each mapped column's cell is converted to the question's kind
 * (options by key or bokmål label; multiple choice separated by ';' or ','; numbers also written
 * "4,0"), then the whole row is checked like a web answer (`validateAnswers`). Empty rows are skipped.
 */
export function mapRows(
  table: readonly (readonly Cell[])[],
  questions: readonly SurveyQuestion[],
  mapping: ImportMapping,
  kommuner: readonly ImportKommune[],
  lang: Lang = 'nb',
): ParsedImport {
  if (!table.length || table[0].every((c) => cellText(c) === ''))
    throw new DomainError('SURVEY_IMPORT_FILE_INVALID', 'The file has no header row. The first row must name the columns.');
  const headers = table[0].map((c) => cellText(c));
  const problems: ImportProblem[] = [];
  let extra = 0;
  const report = (p: Omit<ImportProblem, 'message'>, params: Parameters<typeof message>[2] = {}) => {
    if (problems.length >= IMPORT_MAX_PROBLEMS) extra += 1;
    else problems.push({ ...p, message: message(p.code, lang, { column: p.column, ...params }) });
  };
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const label = (q: SurveyQuestion) => surveyText(q.text, lang);

  // Which column holds which question.
  const columnOf = (header: string): number => {
    const at = headers.indexOf(header);
    if (at < 0) report({ row: 1, column: header, code: 'unknown_column' });
    else if (headers.indexOf(header, at + 1) >= 0) report({ row: 1, column: header, code: 'duplicate_column' });
    return at;
  };
  const mapped: { index: number; header: string; question: SurveyQuestion; options: Map<string, string> }[] = [];
  const headerOf = new Map<string, string>();
  for (const [header, key] of Object.entries(mapping.columns)) {
    const question = byKey.get(key);
    if (!question) {
      report({ row: 1, column: header, code: 'unknown_question' }, { value: key });
      continue;
    }
    if (headerOf.has(key)) {
      report({ row: 1, column: header, code: 'duplicate_mapping' }, { question: label(question) });
      continue;
    }
    headerOf.set(key, header);
    const index = columnOf(header);
    if (index >= 0) mapped.push({ index, header, question, options: optionIndex(question) });
  }
  for (const q of questions)
    if (q.required && !headerOf.has(q.key)) report({ row: 1, column: '', code: 'required_unmapped' }, { question: label(q) });
  const kommuneAt = mapping.kommuneColumn ? columnOf(mapping.kommuneColumn) : -1;
  const kommunes = kommuneIndex(kommuner);

  const responses: ParsedImport['responses'] = [];
  const skipped: number[] = [];
  let rows = 0;
  let filled = 0;
  for (let r = 1; r < table.length; r++) {
    const cells = table[r];
    if (cells.every((c) => cellText(c) === '')) continue;
    filled += 1;
    if (filled > IMPORT_MAX_ROWS)
      throw new DomainError(
        'SURVEY_IMPORT_TOO_LARGE',
        `The file has more than ${IMPORT_MAX_ROWS} rows of answers. Split it into several files.`,
      ).withParams({ maxRows: IMPORT_MAX_ROWS });
    const row = r + 1;
    // Content only in columns not mapped to a question (a time stamp, an id, the kommune): no answer.
    if (mapped.every((m) => cellText(cells[m.index] ?? null) === '')) {
      skipped.push(row);
      continue;
    }
    rows += 1;
    const answers: Record<string, SurveyAnswer> = {};
    let bad = false;
    const unreadable = new Set<string>();
    for (const m of mapped) {
      const got = convert(m.question, cells[m.index] ?? null, m.options);
      if (!got) continue;
      if ('code' in got) {
        bad = true;
        unreadable.add(m.question.key);
        report({ row, column: m.header, code: got.code }, { value: got.value, question: label(m.question) });
      } else answers[m.question.key] = got.value;
    }
    let kommuneId: string | null = null;
    if (kommuneAt >= 0 && mapping.kommuneColumn) {
      const cell = cells[kommuneAt] ?? null;
      if (cellText(cell) !== '') {
        const id = findKommune(cell, kommunes);
        if (id) kommuneId = id;
        else {
          bad = true;
          report({ row, column: mapping.kommuneColumn, code: 'unknown_kommune' }, { value: cellText(cell) });
        }
      }
    }
    const checked = validateAnswers(questions as SurveyQuestion[], answers);
    for (const p of checked.problems) {
      const q = byKey.get(p.question);
      const header = headerOf.get(p.question);
      // A required question without a column is reported once above, not on every row; a cell that
      // could not be read is reported once, as such.
      if (!q || !header || unreadable.has(p.question)) continue;
      bad = true;
      const v = answers[p.question];
      report(
        { row, column: header, code: p.code },
        { question: label(q), limit: p.limit, value: Array.isArray(v) ? v.join('; ') : String(v ?? '') },
      );
    }
    if (!bad) responses.push({ answers: checked.answers, kommuneId });
  }
  if (extra > 0)
    problems.push({ row: 0, column: '', code: 'too_many_problems', message: message('too_many_problems', lang, { limit: extra }) });
  return { columns: headers, rows, responses, problems, skipped };
}
