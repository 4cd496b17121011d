import type { SurveyQuestion } from '@nvr/shared';
import { DomainError } from '../common/domain-error';
import { decodeText, mapRows, parseCsv, parseMapping, parseNumber, readSpreadsheet } from './survey-import';

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
    expect(['4', '4,0', '4.0', ' 1 000 ', '-3', 7].map(parseNumber)).toEqual([4, 4, 4, 1000, -3, 7]);
    expect(['fire', '4,0,0', '', true].map((c) => parseNumber(c))).toEqual([null, null, null, null]);
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
