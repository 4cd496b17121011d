import { docxText, flat, pdfText } from '../src/documents/document-text';
import { saveBalancedBudget, type ProjectFixture } from './support/plp';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A cost split for a past date: the parties are the project's kommuner that were members of the region then and
 * existed then, under the numbers and names valid then, with the population of 1 January of that year.
 */
describe('a cost split for a past date', () => {
  let t: TestApp;
  let f: ProjectFixture;
  const ids: Record<string, string> = {};
  const url = () => `/api/projects/${f.projectId}/phases/forprosjekt/plan`;
  const version = async () => (await f.leader.get(url()).expect(200)).body.version as number;
  const split = async (populationDate: string | null, status = 200) =>
    f.leader
      .put(`${url()}/cost-sharing`)
      .send({ equalPercent: 50, populationDate, year: null, version: await version() })
      .expect(status);

  beforeAll(async () => {
    t = await createTestApp();
    const kommune = async (number: string, name: string, county: string, figures: [string, number][]) => {
      const k = await t.factories.newKommune({ number, name, county });
      for (const [asOf, count] of figures) {
        await t.db.query(`INSERT INTO kommune_population (kommune_id, as_of, population) VALUES ($1, $2, $3)`, [k.id, asOf, count]);
      }
      ids[name] = k.id;
      return k;
    };
    // Kongsberg: 0604 until 2020, 3006 in 2020–23, 3303 since 2024. A mid-2022 figure is not 1 January.
    const kongsberg = await kommune('3303', 'Kongsberg', 'Buskerud', [
      ['2017-01-01', 27000],
      ['2022-01-01', 27500],
      ['2022-06-01', 27600],
      ['2024-01-01', 27800],
    ]);
    // Holmestrand 3903: Holmestrand 0702, Hof 0714 and Sande 0713 before 2018; figures are the merged kommune's.
    const holmestrand = await kommune('3903', 'Holmestrand', 'Vestfold', [
      ['2017-01-01', 20000],
      ['2022-01-01', 24000],
      ['2024-01-01', 25000],
    ]);
    // Haram 1580: split from Ålesund 1507 in 2024 (Ålesund until 2024, own kommune 1534 before 2020).
    // A 2017 figure typed by hand (SSB's import cannot divide Ålesund 1507's figures between 1508 and 1580).
    const haram = await kommune('1580', 'Haram', 'Møre og Romsdal', [
      ['2017-01-01', 8800],
      ['2024-01-01', 9000],
    ]);
    const late = await kommune('3399', 'Seinkommune', 'Buskerud', [
      ['2022-01-01', 500],
      ['2024-01-01', 600],
    ]);
    const region = await t.factories.newRegion({
      name: 'Historieregionen',
      members: [
        { kommuneId: kongsberg.id, validFrom: '2010-01-01' },
        { kommuneId: holmestrand.id, validFrom: '2015-01-01' },
        { kommuneId: haram.id, validFrom: '2010-01-01' },
        { kommuneId: late.id, validFrom: '2023-01-01' },
      ],
    });
    const regionraad = await t.as([{ role: 'regionraad', regionId: region.id }]);
    const adviser = await t.as([{ role: 'adviser', regionId: region.id }]);
    const leaderUser = await t.factories.newUser({ name: 'Hanne Historiker' });
    const created = await regionraad
      .post('/api/projects')
      .send({
        regionId: region.id,
        name: 'Næringsvennlig Historieregion',
        kommuneIds: [kongsberg.id, holmestrand.id, haram.id, late.id],
        leaderUserId: leaderUser.id,
        forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
      })
      .expect(201);
    f = {
      region,
      kommuner: [kongsberg, holmestrand],
      regionraad,
      adviser,
      leader: await t.signIn(leaderUser.email),
      projectId: created.body.id,
    };
    await saveBalancedBudget(f, 'forprosjekt'); // 200 000 kr from the kommuner in 2027
  });
  afterAll(() => t.close());

  it('in 2022 shares between the members of then under 2022’s numbers, with 1 January 2022 figures', async () => {
    const cs = (await split('2022-06-30')).body.costSharing;
    expect(cs.reason).toBeNull();
    expect(cs.rows.map((r: Record<string, unknown>) => [r.name, r.numbers, r.currentName, r.population, r.populationAsOf])).toEqual([
      ['Holmestrand', ['3802'], 'Holmestrand', 24000, '2022-01-01'],
      ['Kongsberg', ['3006'], 'Kongsberg', 27500, '2022-01-01'],
    ]);
    expect(cs.totalPopulation).toBe(51500);
    expect(cs.rows.reduce((s: number, r: { amount: number }) => s + r.amount, 0)).toBe(200000);
    expect(cs.excluded).toEqual([
      { id: ids.Haram, name: 'Haram', reason: 'did_not_exist' },
      { id: ids.Seinkommune, name: 'Seinkommune', reason: 'not_member' },
    ]);
  });

  it('in 2017 names a kommune merged later by the kommuner it was made of then', async () => {
    const cs = (await split('2017-03-01')).body.costSharing;
    // Haram was part of Ålesund from 2020 until 2024 but its own kommune (1534) in 2017.
    expect(cs.rows.map((r: Record<string, unknown>) => [r.name, r.numbers, r.population, r.populationAsOf])).toEqual([
      ['Haram', ['1534'], 8800, '2017-01-01'],
      ['Holmestrand, Sande (Vestfold), Hof', ['0702', '0713', '0714'], 20000, '2017-01-01'],
      ['Kongsberg', ['0604'], 27000, '2017-01-01'],
    ]);
    expect(cs.excluded).toEqual([{ id: ids.Seinkommune, name: 'Seinkommune', reason: 'not_member' }]);
  });

  it('after the newest figures uses each kommune’s newest, under today’s numbers', async () => {
    const cs = (await split('2025-05-01')).body.costSharing;
    expect(cs.rows.map((r: Record<string, unknown>) => [r.name, r.numbers, r.populationAsOf])).toEqual([
      ['Haram', ['1580'], '2024-01-01'],
      ['Holmestrand', ['3903'], '2024-01-01'],
      ['Kongsberg', ['3303'], '2024-01-01'],
      ['Seinkommune', ['3399'], '2024-01-01'],
    ]);
    expect(cs.excluded).toEqual([]);
  });

  it('refuses a date when no kommune was a member (422 at the date) and a party without a figure, storing nothing', async () => {
    await split('2022-06-30');
    const none = await split('2009-06-30', 422);
    expect(none.body.code).toBe('COST_SHARING_NO_PARTIES');
    expect(none.body.errors).toEqual([{ field: 'populationDate', messages: [expect.stringContaining('2009-06-30')] }]);
    // 2016: the members of then have no figure on or before it.
    const missing = await split('2016-06-30', 422);
    expect(missing.body.code).toBe('COST_SHARING_NO_POPULATION');
    expect(missing.body.message).toContain('Kongsberg');
    expect(missing.body.message).not.toContain('Seinkommune');
    expect((await f.leader.get(url()).expect(200)).body.costSharing.settings.populationDate).toBe('2022-06-30');
  });

  it('prints the population of 1 January of the year used and the names of then in the plan document', async () => {
    await split('2022-06-30');
    const read = async (format: 'pdf' | 'docx', lang: 'nb' | 'nn' | 'en') => {
      const res = await f.adviser
        .get(`${url()}/document?format=${format}&lang=${lang}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      return flat(format === 'pdf' ? pdfText(res.body as Buffer) : docxText(res.body as Buffer));
    };
    const heading = { nb: 'Innbyggere per 1. januar 2022', nn: 'Innbyggjarar per 1. januar 2022', en: 'Population as of 1 January 2022' };
    for (const lang of ['nb', 'nn', 'en'] as const) {
      const docx = await read('docx', lang);
      expect(docx).toContain(heading[lang]);
      // The table lists the parties of then only (Haram is still named among today's participating kommuner).
      const table = docx.slice(docx.indexOf(heading[lang]));
      expect(table).toContain('Holmestrand');
      expect(table).not.toContain('Haram');
      expect(docx).not.toContain('30. juni');
    }
    const pdf = await read('pdf', 'nb');
    expect(pdf).toContain(heading.nb);
    await split('2017-03-01');
    expect(await read('docx', 'nb')).toContain('Holmestrand, Sande (Vestfold), Hof');
    expect(await read('docx', 'nb')).toContain('Innbyggere per 1. januar 2017');
  });

  it('without a date shares between every participating kommune under today’s names with the newest figures', async () => {
    const cs = (await split(null)).body.costSharing;
    expect(cs.rows.map((r: { name: string }) => r.name)).toEqual(['Haram', 'Holmestrand', 'Kongsberg', 'Seinkommune']);
    expect(cs.excluded).toEqual([]);
  });
});
