import { strFromU8, unzipSync } from 'fflate';
import type { Readable } from 'node:stream';
import readXlsxFile from 'read-excel-file/node';
import { exportColumns, portfolioCsvStream, portfolioXlsxStream } from './portfolio-export';
import type { PortfolioRowDto } from './portfolio.dto';

function row(over: Partial<PortfolioRowDto> = {}): PortfolioRowDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Næringsvennlig Ålfjord',
    regionId: '00000000-0000-4000-8000-000000000002',
    regionName: 'Øvre Østfold',
    counties: ['Buskerud', 'Telemark'],
    status: 'active',
    currentPhaseKey: 'forstudie',
    currentPhaseState: 'in_progress',
    phaseStartedOn: '2026-03-01',
    monthsInPhase: 7,
    recommendedMonths: { min: 6, max: 9 },
    durationStatus: 'within',
    latestReport: {
      id: '00000000-0000-4000-8000-000000000003',
      period: '2026-09',
      publishedAt: '2026-10-01T08:00:00Z',
      colours: { overall: 'yellow', progress: 'red', economy: 'green', risk: null },
    },
    overdueDeliverables: 2,
    nextGate: { phaseKey: 'forstudie', expectedDate: '2026-12-24' },
    leader: { id: '00000000-0000-4000-8000-000000000004', name: 'Pia Prosjektleder', email: 'pia@example.no' },
    waitingOn: { kind: 'leader', name: 'Pia Prosjektleder', since: '2026-03-01' },
    ...over,
  };
}

const ROWS: PortfolioRowDto[] = [
  row(),
  row({ name: `=Beta; "vekst" <&'>`, counties: ['Vestfold'], leader: null, waitingOn: { kind: 'kommuner', name: null, since: null } }),
  row({
    name: 'Alfa stoppet',
    status: 'stopped',
    currentPhaseKey: null,
    currentPhaseState: null,
    phaseStartedOn: null,
    monthsInPhase: null,
    recommendedMonths: null,
    durationStatus: 'unknown',
    latestReport: null,
    overdueDeliverables: 0,
    nextGate: null,
    leader: null,
    waitingOn: { kind: 'none', name: null, since: null },
  }),
];

/** The rows as a keyset-paged source would give them: one at a time, after an await. */
async function* source(rows: readonly PortfolioRowDto[], failAfter?: number): AsyncGenerator<PortfolioRowDto> {
  let n = 0;
  for (const r of rows) {
    await new Promise((resolve) => setImmediate(resolve));
    if (n === failAfter) throw new Error('the database went away');
    n += 1;
    yield r;
  }
  if (failAfter !== undefined && n === failAfter) throw new Error('the database went away');
}

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('portfolioCsvStream', () => {
  it('writes Norwegian Excel CSV: BOM, semicolons, CRLF, dd.mm.åååå, quoting and no formulas', async () => {
    const bytes = await read(portfolioCsvStream(source(ROWS), 'nb'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\uFEFF' +
        [
          'Prosjekt;Region;Fylke;Status;Fase;Fasestatus;Fase startet;Måneder i fasen;Anbefalt lengde (måneder);Varighet;Siste statusrapport;Samlet status;Fremdrift;Økonomi;Risiko;Forfalte leveranser;Neste beslutningspunkt;Forventet dato;Prosjektleder;E-post prosjektleder;Venter på;Venter siden',
          'Næringsvennlig Ålfjord;Øvre Østfold;Buskerud, Telemark;Aktiv;Forstudie;Pågår;01.03.2026;7;6–9;Innenfor anbefalt;2026-09;Gul;Rød;Grønn;;2;Etter forstudie;24.12.2026;Pia Prosjektleder;pia@example.no;Pia Prosjektleder;01.03.2026',
          `"'=Beta; ""vekst"" <&'>";Øvre Østfold;Vestfold;Aktiv;Forstudie;Pågår;01.03.2026;7;6–9;Innenfor anbefalt;2026-09;Gul;Rød;Grønn;;2;Etter forstudie;24.12.2026;;;Kommunestyrene;`,
          'Alfa stoppet;Øvre Østfold;Buskerud, Telemark;Stoppet;;;;;;Ukjent;;;;;;0;;;;;;',
          '',
        ].join('\r\n'),
    );
  });

  it('says a phase begun today is under way, not shorter than recommended, in all three languages', async () => {
    const today = row({ phaseStartedOn: '2026-12-03', monthsInPhase: 0, durationStatus: 'short', currentPhaseState: 'in_progress' });
    // A phase whose work is done (awaiting the decision) short of the minimum is short.
    const done = row({ monthsInPhase: 4, durationStatus: 'short', currentPhaseState: 'awaiting_decision' });
    const duration = async (lang: 'nb' | 'nn' | 'en') => {
      const lines = (await read(portfolioCsvStream(source([today, done]), lang))).toString('utf8').split('\r\n');
      return lines.slice(1, 3).map((l) => l.split(';')[9]);
    };
    expect(await duration('nb')).toEqual(['Pågår, ikke nådd anbefalt lengde ennå', 'Kortere enn anbefalt']);
    expect(await duration('nn')).toEqual(['Pågår, ikkje nådd tilrådd lengd enno', 'Kortare enn tilrådd']);
    expect(await duration('en')).toEqual(['Under way, not yet at the recommended length', 'Shorter than recommended']);
  });

  it('writes just the header for no rows, in the asked language', async () => {
    const text = (await read(portfolioCsvStream(source([]), 'en'))).toString('utf8');
    expect(text).toMatch(/^\uFEFFProject;Region;County;Status;Phase;Phase status;.*;Waiting since\r\n$/);
  });

  it('writes the same lines whatever the chunk boundaries (a thousand rows)', async () => {
    const kinds = [...ROWS, ...Array.from({ length: 7 }, (_, i) => row({ name: `Prosjekt ${i} æøå`, monthsInPhase: i }))];
    const many = Array.from({ length: 1000 }, (_, i) => kinds[i % kinds.length]);
    const line = async (r: PortfolioRowDto) => (await read(portfolioCsvStream(source([r]), 'nn'))).toString('utf8').split('\r\n')[1];
    const lines = await Promise.all(kinds.map(line));
    const expected =
      (await read(portfolioCsvStream(source([]), 'nn'))).toString('utf8') + many.map((_, i) => `${lines[i % kinds.length]}\r\n`).join('');
    const chunks: Buffer[] = [];
    for await (const c of portfolioCsvStream(source(many), 'nn')) chunks.push(c as Buffer);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
  });

  it('is destroyed with the error of a row source that fails midway', async () => {
    const many = Array.from({ length: 2000 }, () => row());
    const stream = portfolioCsvStream(source(many, 1500), 'nb');
    await expect(read(stream)).rejects.toThrow('the database went away');
    expect(stream.destroyed).toBe(true);
    expect(stream.errored?.message).toBe('the database went away');
  });

  it('stops reading rows when the reader goes away', async () => {
    let read = 0;
    let closed!: () => void;
    const released = new Promise<void>((resolve) => (closed = resolve));
    async function* rows(): AsyncGenerator<PortfolioRowDto> {
      try {
        for (let i = 0; i < 100_000; i++) {
          await new Promise((resolve) => setImmediate(resolve));
          read += 1;
          yield row();
        }
      } finally {
        closed();
      }
    }
    const stream = portfolioCsvStream(rows(), 'nb');
    for await (const _ of stream) break; // the first chunk, then the client disconnects
    await released; // the source's finally ran (a cursor or connection behind it would be released)
    expect(read).toBeLessThan(2000);
  });
});

describe('portfolioXlsxStream', () => {
  it('writes a workbook that reads back with the headers, text, numbers and dates', async () => {
    const file = await read(portfolioXlsxStream(source(ROWS), 'nb'));
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const [sheet, ...others] = await readXlsxFile(file);
    expect(others).toEqual([]);
    expect(sheet.sheet).toBe('Portefølje');
    const [header, first, second, third] = sheet.data;
    expect(header).toEqual(exportColumns('nb').map((c) => c.header));
    expect(first).toEqual([
      'Næringsvennlig Ålfjord',
      'Øvre Østfold',
      'Buskerud, Telemark',
      'Aktiv',
      'Forstudie',
      'Pågår',
      new Date('2026-03-01T00:00:00Z'),
      7,
      '6–9',
      'Innenfor anbefalt',
      '2026-09',
      'Gul',
      'Rød',
      'Grønn',
      null,
      2,
      'Etter forstudie',
      new Date('2026-12-24T00:00:00Z'),
      'Pia Prosjektleder',
      'pia@example.no',
      'Pia Prosjektleder',
      new Date('2026-03-01T00:00:00Z'),
    ]);
    // Text stays text in the workbook: no apostrophe, and never a formula.
    expect(second[0]).toBe(`=Beta; "vekst" <&'>`);
    expect(second[20]).toBe('Kommunestyrene');
    expect(third.slice(0, 4)).toEqual(['Alfa stoppet', 'Øvre Østfold', 'Buskerud, Telemark', 'Stoppet']);
    expect(third[15]).toBe(0);
    expect(sheet.data).toHaveLength(4);
  });

  it('has a bold, frozen header row, the column widths and a date format, as the old workbook', async () => {
    const parts = unzipSync(await read(portfolioXlsxStream(source(ROWS.slice(0, 1)), 'en')));
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<col min="1" max="1" width="40" customWidth="1"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>Project</t></is></c>');
    expect(sheet).toContain('<c r="G2" s="2"><v>46082</v></c>'); // 2026-03-01
    expect(sheet).toContain('<c r="V1" s="1" t="inlineStr">'); // 22 columns: A to V
    const styles = strFromU8(parts['xl/styles.xml']);
    expect(styles).toContain('<numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>');
    expect(styles).toContain('<font><b/>');
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('<sheet name="Portfolio" sheetId="1" r:id="rId1"/>');
  });

  it('escapes XML and drops characters XML cannot hold', async () => {
    const name = 'A\u0001B\u0008C\uFFFE D\uD800 E & <tag> "q" \'s\' 😀 ';
    const file = await read(portfolioXlsxStream(source([row({ name })]), 'nb'));
    const sheet = strFromU8(unzipSync(file)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<t xml:space="preserve">ABC D E &amp; &lt;tag&gt; &quot;q&quot; \'s\' 😀 </t>');
    expect((await readXlsxFile(file, { trim: false }))[0].data[1][0]).toBe('ABC D E & <tag> "q" \'s\' 😀 ');
  });

  it('writes 800 rows across several zip chunks', async () => {
    const many = Array.from({ length: 800 }, (_, i) => row({ name: `Prosjekt ${i} æøå`, monthsInPhase: i }));
    const chunks: Buffer[] = [];
    for await (const c of portfolioXlsxStream(source(many), 'nb')) chunks.push(c as Buffer);
    expect(chunks.length).toBeGreaterThan(1);
    const data = (await readXlsxFile(Buffer.concat(chunks)))[0].data;
    expect(data).toHaveLength(801);
    expect(data[800][0]).toBe('Prosjekt 799 æøå');
    expect(data[800][7]).toBe(799);
  });

  it('reads no further rows while the reader is behind (backpressure)', async () => {
    let read = 0;
    async function* rows(): AsyncGenerator<PortfolioRowDto> {
      for (let i = 0; i < 100_000; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        read += 1;
        yield row();
      }
    }
    const stream = portfolioXlsxStream(rows(), 'nb');
    await new Promise((resolve) => stream.once('readable', resolve)); // the first chunk is there; nobody takes it
    const after = read;
    for (let i = 0; i < 2000; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(read).toBe(after);
    expect(read).toBeLessThan(5000);
    stream.destroy();
  });

  it('is destroyed with the error of a row source that fails midway', async () => {
    const many = Array.from({ length: 2000 }, () => row());
    const stream = portfolioXlsxStream(source(many, 1500), 'nb');
    await expect(read(stream)).rejects.toThrow('the database went away');
    expect(stream.destroyed).toBe(true);
    expect(stream.errored?.message).toBe('the database went away');
  });
});
