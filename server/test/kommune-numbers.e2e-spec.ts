import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * Kommune numbers over time (SSB classification 131) and SSB's population (table 07459), from the snapshots
 * shipped in server/src/kommuner/data/ — offline.
 */
describe('kommune numbers and SSB population', () => {
  let t: TestApp;
  let admin: Session;
  let kongsberg: { id: string };
  let drammen: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
    kongsberg = (await admin.post('/api/kommuner').send({ number: '3303', name: 'Kongsberg', county: 'Buskerud' }).expect(201)).body;
    drammen = (await admin.post('/api/kommuner').send({ number: '3301', name: 'Drammen', county: 'Buskerud' }).expect(201)).body;
  });
  afterAll(() => t.close());

  const figures = async (id: string) =>
    (await admin.get(`/api/kommuner/${id}/population`).expect(200)).body.figures as {
      asOf: string;
      count: number;
      source: string;
      ssbCount: number | null;
      ssbTable: string | null;
      differsFromSsb: boolean;
    }[];

  it('keeps Kongsberg one kommune through 0604 → 3006 → 3303, with the county of each number', async () => {
    const res = await admin.get(`/api/kommuner/${kongsberg.id}/numbers`).expect(200);
    expect(res.body.numbers.map((n: Record<string, unknown>) => [n.number, n.county, n.validFrom, n.validTo])).toEqual([
      ['3303', 'Buskerud', '2024-01-01', null],
      ['3006', 'Viken', '2020-01-01', '2024-01-01'],
      ['0604', 'Buskerud', '1995-01-01', '2020-01-01'],
    ]);
    expect(res.body.merged).toEqual([]);
    const merged = (await admin.get(`/api/kommuner/${drammen.id}/numbers`).expect(200)).body.merged;
    expect(merged.map((m: { number: string }) => m.number)).toEqual(['0602', '0625', '0711']);
  });

  it('resolves a historical number to the kommune it belongs to today', async () => {
    const res = await admin.get('/api/kommuner/numbers/resolve?number=0604&date=2019-01-01').expect(200);
    expect(res.body).toMatchObject({ number: '0604', name: 'Kongsberg', currentNumbers: ['3303'] });
    expect(res.body.kommuner.map((k: { id: string }) => k.id)).toEqual([kongsberg.id]);
    const split = (await admin.get('/api/kommuner/numbers/resolve?number=1507&date=2023-01-01').expect(200)).body;
    expect(split).toMatchObject({ name: 'Ålesund', currentNumbers: ['1508', '1580'], kommuner: [] });
    const bad = await admin.get('/api/kommuner/numbers/resolve?number=06x4&date=2019-13-01').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['date', 'number']);
  });

  it('offers the shipped years and imports a 2019 figure for 0604 onto today’s Kongsberg, merged numbers added up', async () => {
    expect((await admin.get('/api/kommuner/population/ssb').expect(200)).body).toMatchObject({
      table: '07459',
      years: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
    });
    const res = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: [2019, 2020] })
      .expect(200);
    expect(res.body).toMatchObject({ table: '07459', years: [2019, 2020], recorded: 4, corrected: 0, unchanged: 0, keptManual: 0 });
    const k = await figures(kongsberg.id);
    expect(k.map((f) => [f.asOf, f.count, f.source, f.ssbTable])).toEqual([
      ['2020-01-01', 27723, 'ssb', '07459'],
      ['2019-01-01', 27481, 'ssb', '07459'],
    ]);
    // 0602 Drammen 68 933 + 0625 Nedre Eiker 24 963 + 0711 Svelvik 6 685 on 1 January 2019.
    expect((await figures(drammen.id)).find((f) => f.asOf === '2019-01-01')?.count).toBe(100581);
  });

  it('imports idempotently: a second import changes nothing and records no history', async () => {
    const events = async () => (await t.db.query(`SELECT count(*)::int AS n FROM kommune_population_event`))[0].n as number;
    const before = await events();
    const res = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: [2019, 2020] })
      .expect(200);
    expect(res.body).toMatchObject({ recorded: 0, corrected: 0, unchanged: 4 });
    expect(await events()).toBe(before);
    expect((await figures(kongsberg.id)).map((f) => f.count)).toEqual([27723, 27481]);
  });

  it('keeps a hand-typed figure and flags it when it differs from SSB’s', async () => {
    await admin.put(`/api/kommuner/${kongsberg.id}/population`).send({ count: 27000, asOf: '2021-01-01' }).expect(200);
    await admin.put(`/api/kommuner/${drammen.id}/population`).send({ count: 101859, asOf: '2021-01-01' }).expect(200);
    const res = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: [2021] })
      .expect(200);
    expect(res.body).toMatchObject({ recorded: 0, keptManual: 2, differing: 1 });
    const k = (await figures(kongsberg.id)).find((f) => f.asOf === '2021-01-01');
    expect(k).toMatchObject({ count: 27000, source: 'manual', ssbCount: 27694, ssbTable: '07459', differsFromSsb: true });
    const d = (await figures(drammen.id)).find((f) => f.asOf === '2021-01-01');
    expect(d).toMatchObject({ count: 101859, source: 'manual', ssbCount: 101859, differsFromSsb: false });
    // Typing over an imported figure makes it hand-typed.
    await admin.put(`/api/kommuner/${kongsberg.id}/population`).send({ count: 27480, asOf: '2019-01-01' }).expect(200);
    expect((await figures(kongsberg.id)).find((f) => f.asOf === '2019-01-01')).toMatchObject({
      source: 'manual',
      ssbCount: 27481,
      differsFromSsb: true,
    });
  });

  it('does not import a figure of a number split between several of today’s kommuner', async () => {
    const alesund = (await admin.post('/api/kommuner').send({ number: '1508', name: 'Ålesund', county: 'Møre og Romsdal' }).expect(201))
      .body;
    const res = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: [2023, 2024] })
      .expect(200);
    expect(res.body.unmapped).toEqual([{ year: 2023, number: '1507', currentNumbers: ['1508', '1580'] }]);
    expect((await figures(alesund.id)).map((f) => [f.asOf, f.count])).toEqual([['2024-01-01', 58509]]);
  });

  it('is for administrators only, and refuses years the table lacks and bad input', async () => {
    const region = await t.factories.newRegion();
    const raad = await t.as([{ role: 'regionraad', regionId: region.id }]);
    expect((await raad.post('/api/kommuner/population/ssb-import').send({ years: [2024] })).status).toBe(403);
    expect((await raad.get('/api/kommuner/population/ssb')).status).toBe(403);
    await raad.get(`/api/kommuner/${kongsberg.id}/numbers`).expect(200);
    const missing = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: [2010] })
      .expect(422);
    expect(missing.body.code).toBe('SSB_YEAR_NOT_AVAILABLE');
    const bad = await admin
      .post('/api/kommuner/population/ssb-import')
      .send({ years: ['2024', 2024.5] })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('years');
    await admin.post('/api/kommuner/population/ssb-import').send({ years: [] }).expect(400);
  });

  it('refuses to fetch from SSB when the setting turns it off', async () => {
    const res = await admin
      .post('/api/kommuner/population/ssb-refresh')
      .send({ years: [2025] })
      .expect(409);
    expect(res.body.code).toBe('SSB_REFRESH_OFF');
  });
});

/** A local stand-in for SSB's PxWebApi v2, answering table 07459 in the JSON-stat 2 shape SSB sends. */
describe('refreshing population from SSB (local fake of PxWebApi v2)', () => {
  let server: Server;
  let t: TestApp;
  let admin: Session;
  const requests: string[] = [];
  let answer: { status: number; body: unknown };
  const dataset = {
    version: '2.0',
    class: 'dataset',
    label: '07459: Befolkning, etter region, statistikkvariabel og år',
    source: 'Statistisk sentralbyrå',
    updated: '2025-02-25T07:00:00Z',
    role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
    id: ['Region', 'ContentsCode', 'Tid'],
    size: [3, 1, 2],
    dimension: {
      Region: {
        label: 'region',
        category: { index: { '0': 0, '3303': 1, '0301': 2 }, label: { '0': 'Hele landet', '3303': 'Kongsberg', '0301': 'Oslo' } },
      },
      ContentsCode: {
        label: 'statistikkvariabel',
        category: { index: { Personer1: 0 }, label: { Personer1: 'Personer' }, unit: { Personer1: { base: 'antall', decimals: 0 } } },
        extension: { elimination: false, refperiod: { Personer1: '1.1.' }, show: 'value' },
      },
      Tid: { label: 'år', category: { index: { '2024': 0, '2025': 1 }, label: { '2024': '2024', '2025': '2025' } } },
    },
    extension: { px: { tableid: '07459', decimals: 0, language: 'no', contents: '07459: Befolkning,', matrix: 'Personer1' } },
    value: [5550203, 5594340, 28848, 29001, 717710, null],
    status: { '5': '..' },
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({ ssbApiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pxwebapi/v2` });
    admin = await t.as([{ role: 'admin' }]);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the chosen years and imports them onto today’s kommuner with the date fetched', async () => {
    answer = { status: 200, body: dataset };
    const kongsberg = (await admin.post('/api/kommuner').send({ number: '3303', name: 'Kongsberg', county: 'Buskerud' }).expect(201)).body;
    const oslo = (await admin.post('/api/kommuner').send({ number: '0301', name: 'Oslo', county: 'Oslo' }).expect(201)).body;
    const res = await admin
      .post('/api/kommuner/population/ssb-refresh')
      .send({ years: [2024, 2025] })
      .expect(200);
    expect(res.body).toMatchObject({ table: '07459', years: [2024, 2025], recorded: 3 });
    expect(decodeURIComponent(requests[0])).toContain('/api/pxwebapi/v2/tables/07459/data?');
    expect(decodeURIComponent(requests[0])).toContain('valueCodes[Tid]=2024,2025');
    const figures = (await admin.get(`/api/kommuner/${kongsberg.id}/population`).expect(200)).body.figures;
    expect(figures.map((f: { asOf: string; count: number; source: string }) => [f.asOf, f.count, f.source])).toEqual([
      ['2025-01-01', 29001, 'ssb'],
      ['2024-01-01', 28848, 'ssb'],
    ]);
    expect(Date.parse(figures[0].ssbFetchedAt)).toBeGreaterThan(Date.now() - 3_600_000);
    // Oslo's 2025 cell is missing (status ".."): no figure.
    expect((await admin.get(`/api/kommuner/${oslo.id}/population`).expect(200)).body.figures.map((f: { asOf: string }) => f.asOf)).toEqual([
      '2024-01-01',
    ]);
  });

  it('answers 503 when SSB fails or sends something that is not JSON-stat 2', async () => {
    answer = { status: 500, body: { error: 'down' } };
    expect(
      (
        await admin
          .post('/api/kommuner/population/ssb-refresh')
          .send({ years: [2025] })
          .expect(503)
      ).body.code,
    ).toBe('SSB_UNAVAILABLE');
    answer = { status: 200, body: { class: 'collection' } };
    expect(
      (
        await admin
          .post('/api/kommuner/population/ssb-refresh')
          .send({ years: [2025] })
          .expect(503)
      ).body.code,
    ).toBe('SSB_UNAVAILABLE');
  });
});
