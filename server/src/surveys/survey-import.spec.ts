import type { SurveyQuestion } from '@nvr/shared';
import { zipSync } from 'fflate';
import { constants, deflateRawSync } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import { DomainError } from '../common/domain-error';
import {
  decodeText,
  IMPORT_MAX_UNPACKED_BYTES,
  mapRows,
  parseCsv,
  parseMapping,
  parseNumber,
  readSpreadsheet,
  unpackWorkbook,
} from './survey-import';

/**
 * A zip archive written by hand, so that an entry can state a size other than its own: each entry is
 * stored (method 0) or already deflated (method 8), with `size` as the unpacked size the headers state.
 */
function zipOf(entries: { name: string; method: 0 | 8; data: Uint8Array; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Whole megabytes of zeros as one raw deflate stream, built without ever holding them: one megabyte
 * deflated and flushed to a byte boundary (not final), repeated, then an empty final block.
 */
function deflatedZeros(megabytes: number): Buffer {
  const mb = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(megabytes).fill(mb), Buffer.from([0x03, 0x00])]);
}

/** The code of the DomainError `f` throws (null when it returns). */
function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).code;
  }
}

const upload = (buffer: Buffer) => ({ originalname: 'svar.xlsx', size: buffer.length, buffer });

const questions: SurveyQuestion[] = [
  {
    key: 'role',
    kind: 'single',
    text: { nb: 'Rolle' },
    required: true,
    grouping: 'role',
    options: [
      { key: 'leader', label: { nb: 'Daglig leder' } },
      { key: 'owner', label: { nb: 'Eier' } },
    ],
  },
  {
    key: 'needs',
    kind: 'multiple',
    text: { nb: 'Behov' },
    required: false,
    maxChoices: 2,
    options: [
      { key: 'statistics', label: { nb: 'Statistikk' } },
      { key: 'network', label: { nb: 'Kontaktinfo/Nettverk' } },
      { key: 'other', label: { nb: 'Annet' } },
    ],
  },
  { key: 'service', kind: 'scale', text: { nb: 'Service' }, required: false },
  { key: 'employees', kind: 'number', text: { nb: 'Ansatte' }, required: false, min: 0, max: 100000 },
  { key: 'comment', kind: 'text', text: { nb: 'Kommentar' }, required: false },
];
const kommuner = [
  { id: 'k-oslo', number: '0301', name: 'Oslo' },
  { id: 'k-drammen', number: '3301', name: 'Drammen' },
];
const mapping = {
  columns: { Rolle: 'role', Behov: 'needs', Service: 'service', Ansatte: 'employees', Kommentar: 'comment' },
  kommuneColumn: 'Kommune',
};

describe('survey import: reading CSV', () => {
  it('reads semicolon CSV with a BOM, quotes, doubled quotes and line breaks inside quotes', () => {
    const text = decodeText(Buffer.from('\uFEFFA;B;C\r\n1;"x;y";"si ""hei""\r\nigjen"\r\n2;;z\r\n', 'utf8'));
    expect(parseCsv(text ?? '')).toEqual([
      ['A', 'B', 'C'],
      ['1', 'x;y', 'si "hei"\r\nigjen'],
      ['2', '', 'z'],
    ]);
  });

  it('takes the separator the header row uses most (comma, tab)', () => {
    expect(parseCsv('a,b\n1,"2,5"\n')).toEqual([
      ['a', 'b'],
      ['1', '2,5'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes Windows-1252 when the file is not UTF-8, and refuses binary files', () => {
    expect(decodeText(Buffer.from([0x42, 0xe6, 0x72]))).toBe('Bær');
    expect(decodeText(Buffer.from([0x00, 0x01, 0x02, 0x41]))).toBeNull();
    expect(decodeText(Buffer.from('%PDF-1.4 ...'))).toBeNull();
  });

  it('refuses a file above 5 MB and a PDF', async () => {
    await expect(readSpreadsheet({ originalname: 'a.csv', size: 6 * 1024 * 1024, buffer: Buffer.alloc(1) })).rejects.toMatchObject({
      code: 'SURVEY_IMPORT_TOO_LARGE',
    });
    const pdf = Buffer.from('%PDF-1.4\n...');
    await expect(readSpreadsheet({ originalname: 'a.csv', size: pdf.length, buffer: pdf })).rejects.toMatchObject({
      code: 'SURVEY_IMPORT_FILE_INVALID',
    });
  });

  it('reads numbers written the Norwegian way', () => {
    expect(['4', '4,0', '4.0', ' 1 000 ', '-3', 7, '1000', '0,125', '1234,567', '4,50'].map(parseNumber)).toEqual([
      4, 4, 4, 1000, -3, 7, 1000, 0.125, 1234.567, 4.5,
    ]);
    expect(['fire', '4,0,0', '', true].map((c) => parseNumber(c))).toEqual([null, null, null, null]);
  });

  it('does not guess whether "1.000" is one or a thousand', () => {
    expect(['1.000', '1,000', '12.000', '-250,500', '1.000.000'].map(parseNumber)).toEqual([null, null, null, null, null]);
  });
});

describe('survey import: Excel files', () => {
  const workbook = () =>
    writeXlsxFile([
      [{ value: 'Rolle' }, { value: 'Ansatte' }],
      [{ value: 'Eier' }, { value: 12, type: Number }],
    ]).toBuffer();

  it('reads a workbook through the size check', async () => {
    expect(await readSpreadsheet(upload(await workbook()))).toEqual([
      ['Rolle', 'Ansatte'],
      ['Eier', 12],
    ]);
  });

  it('refuses a zip bomb that states its size, before unpacking anything', async () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', method: 0, data: Buffer.from('<workbook/>'), size: 11 },
      { name: 'xl/worksheets/sheet1.xml', method: 8, data: Buffer.from([0x03, 0x00]), size: IMPORT_MAX_UNPACKED_BYTES + 1 },
    ]);
    await expect(readSpreadsheet(upload(bomb))).rejects.toMatchObject({
      code: 'SURVEY_IMPORT_TOO_LARGE',
      message: expect.stringContaining('unpacks to more than 50 MB') as unknown,
    });
  });

  it('refuses a zip bomb that understates its size, stopping at the cap', async () => {
    const sheet = deflatedZeros(IMPORT_MAX_UNPACKED_BYTES / 1048576 + 1);
    expect(sheet.length).toBeLessThan(200_000);
    const bomb = zipOf([
      { name: 'xl/workbook.xml', method: 0, data: Buffer.from('<workbook/>'), size: 11 },
      { name: 'xl/worksheets/sheet1.xml', method: 8, data: sheet, size: 1000 },
    ]);
    await expect(readSpreadsheet(upload(bomb))).rejects.toMatchObject({ code: 'SURVEY_IMPORT_TOO_LARGE' });
    // Under the cap, a part that unpacks to another size than it states is unreadable.
    const liar = zipOf([{ name: 'xl/workbook.xml', method: 8, data: deflatedZeros(2), size: 1000 }]);
    expect(codeOf(() => unpackWorkbook(liar))).toBe('SURVEY_IMPORT_FILE_INVALID');
  });

  it('counts only the parts the reader reads, and refuses a zip without a workbook or with a broken directory', async () => {
    const image = { name: 'xl/media/image1.png', method: 0 as const, data: new Uint8Array(10), size: IMPORT_MAX_UNPACKED_BYTES * 4 };
    expect(Object.keys(unpackWorkbook(zipOf([image, { name: 'a.xml', method: 0, data: Buffer.from('<a/>'), size: 4 }])))).toEqual([
      'a.xml',
    ]);
    const notWorkbook = Buffer.from(zipSync({ 'word/document.xml': Buffer.from('<w/>') }));
    await expect(readSpreadsheet(upload(notWorkbook))).rejects.toMatchObject({
      code: 'SURVEY_IMPORT_FILE_INVALID',
      message: expect.stringContaining('not an Excel workbook') as unknown,
    });
    const good = await workbook();
    await expect(readSpreadsheet(upload(good.subarray(0, good.length - 30)))).rejects.toMatchObject({
      code: 'SURVEY_IMPORT_FILE_INVALID',
    });
  });
});

describe('survey import: the mapping', () => {
  it('reads the JSON and refuses other shapes with 400 naming the field', () => {
    expect(parseMapping('{"columns":{" Rolle ":"role","X":""},"kommuneColumn":"Kommune"}')).toEqual({
      columns: { Rolle: 'role' },
      kommuneColumn: 'Kommune',
    });
    expect(parseMapping(undefined)).toEqual({ columns: {} });
    for (const bad of ['nope', '[]', '{"columns":[]}', '{"columns":{"a":1}}', '{"other":1}']) {
      try {
        parseMapping(bad);
        throw new Error(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('VALIDATION_FAILED');
        expect((e as DomainError).errors?.[0].field).toBe('mapping');
      }
    }
  });
});

describe('survey import: rows to answers', () => {
  const header = ['Rolle', 'Behov', 'Service', 'Ansatte', 'Kommentar', 'Kommune'];

  it('maps options by key or bokmål label (any case), multiple choice by ; or , and kommuner by name or number', () => {
    const parsed = mapRows(
      [
        header,
        ['daglig leder', 'Statistikk; kontaktinfo/nettverk', '4,0', '12', '  Bra  ', 'Oslo'],
        ['owner', 'statistics,other', 5, 3, null, '301'],
        ['Eier', '', '', '', '', ''],
        ['', '', '', '', '', ''],
      ],
      questions,
      mapping,
      kommuner,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toBe(3);
    expect(parsed.columns).toEqual(header);
    expect(parsed.responses).toEqual([
      { answers: { role: 'leader', needs: ['statistics', 'network'], service: 4, employees: 12, comment: 'Bra' }, kommuneId: 'k-oslo' },
      { answers: { role: 'owner', needs: ['statistics', 'other'], service: 5, employees: 3 }, kommuneId: 'k-oslo' },
      { answers: { role: 'owner' }, kommuneId: null },
    ]);
  });

  it('lists every row that does not fit with its spreadsheet row number, column and a reason', () => {
    const parsed = mapRows(
      [
        header,
        ['Bonde', '', '', '', '', ''],
        ['Eier', 'Statistikk;Annet;Kontaktinfo/Nettverk', '6', 'mange', '', 'Bergen'],
        ['', 'Annet', '4,5', '', '', ''],
        ['Eier', '', '', '', '', ''],
      ],
      questions,
      mapping,
      kommuner,
    );
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Rolle', 'unknown_option'],
      [3, 'Ansatte', 'not_a_number'],
      [3, 'Kommune', 'unknown_kommune'],
      [3, 'Behov', 'too_many_choices'],
      [3, 'Service', 'out_of_range'],
      [4, 'Rolle', 'required'],
      [4, 'Service', 'not_whole_number'],
    ]);
    expect(parsed.problems[0].message).toBe('«Bonde» er ikke et av svaralternativene til «Rolle». Bruk alternativets tekst eller nøkkel.');
    expect(parsed.problems[2].message).toContain('«Bergen» er ikke en av kommunene i prosjektet');
  });

  it('reports a number with a point or comma before three digits as ambiguous', () => {
    const parsed = mapRows(
      [header, ['Eier', '', '', '1.000', '', ''], ['Eier', '', '', '12,000', '', ''], ['Eier', '', '', '1 000', '', '']],
      questions,
      mapping,
      kommuner,
    );
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'Ansatte', 'ambiguous_number'],
      [3, 'Ansatte', 'ambiguous_number'],
    ]);
    expect(parsed.problems[0].message).toBe(
      '«1.000» kan leses både som et desimaltall og som tusen-tall. Skriv tallet uten punktum og komma (1000), eller med mellomrom (1 000).',
    );
    expect(parsed.responses).toEqual([{ answers: { role: 'owner', employees: 1000 }, kommuneId: null }]);
  });

  it('skips rows with content only in columns not mapped to a question, and lists them', () => {
    const parsed = mapRows(
      [
        ['Tid', 'Rolle', 'Ansatte', 'Kommune'],
        ['2024-01-01 10:00', 'Eier', '3', 'Oslo'],
        ['2024-01-01 10:05', '', '', 'Oslo'],
        ['2024-01-01 10:06', '', '', ''],
        ['', '', '', ''],
        ['2024-01-01 10:07', 'Daglig leder', '', ''],
      ],
      questions,
      { columns: { Rolle: 'role', Ansatte: 'employees' }, kommuneColumn: 'Kommune' },
      kommuner,
    );
    expect(parsed).toMatchObject({ rows: 2, skipped: [3, 4], problems: [] });
    expect(parsed.responses).toEqual([
      { answers: { role: 'owner', employees: 3 }, kommuneId: 'k-oslo' },
      { answers: { role: 'leader' }, kommuneId: null },
    ]);
    // Nothing mapped: every row is skipped, none is stored as an empty response.
    const none = mapRows([['A'], ['1'], ['2']], [questions[2]], { columns: {} }, kommuner);
    expect(none).toMatchObject({ rows: 0, skipped: [2, 3], responses: [], problems: [] });
  });

  it('reports mapping mistakes on the header row, in the language asked for', () => {
    const parsed = mapRows(
      [
        ['Rolle', 'Rolle', 'X'],
        ['Eier', 'Eier', '1'],
      ],
      questions,
      { columns: { Rolle: 'role', Borte: 'service', X: 'nope' } },
      kommuner,
      'en',
    );
    expect(parsed.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [1, 'Rolle', 'duplicate_column'],
      [1, 'Borte', 'unknown_column'],
      [1, 'X', 'unknown_question'],
    ]);
    expect(parsed.problems[1].message).toBe('The file has no column headed “Borte”.');
  });

  it('says once when a required question has no column', () => {
    const parsed = mapRows([['A'], ['1'], ['2']], questions, { columns: {} }, kommuner, 'nn');
    expect(parsed.problems).toEqual([
      { row: 1, column: '', code: 'required_unmapped', message: '«Rolle» må svarast på, men inga kolonne er kopla til spørsmålet.' },
    ]);
  });

  it('refuses a file without a header row', () => {
    expect(() => mapRows([], questions, mapping, kommuner)).toThrow(DomainError);
    expect(() => mapRows([['', null]], questions, mapping, kommuner)).toThrow(DomainError);
  });
});
