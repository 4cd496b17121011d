import { addDays, isPeriodOver, shiftPeriod, todayInOslo } from '@nvr/shared';
import { readSheet } from 'read-excel-file/node';
import { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../src/database/seed/demo-data';
import { seedDemoData } from '../src/database/seed/seed';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const today = todayInOslo();
/** Alfa's published status report is for last month. */
const period = shiftPeriod(today.slice(0, 7), -1);
/** The same day of the month n months ago (day 28 at most, so no month overflows). */
const monthsAgo = (n: number) => {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - n, Math.min(d, 28))).toISOString().slice(0, 10);
};
const norwegian = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** Counts the SQL statements the app sends while `work` runs. */
async function countQueries(db: DataSource, work: () => Promise<unknown>): Promise<number> {
  const original = db.query.bind(db);
  let n = 0;
  const spy = jest.spyOn(db, 'query').mockImplementation((...args: Parameters<DataSource['query']>) => {
    n += 1;
    return original(...args);
  });
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return n;
}

describe('portfolio', () => {
  let t: TestApp;
  let alfa: ProjectFixture;
  let beta: ProjectFixture;
  let gamma: ProjectFixture;
  let stoppedId: string;
  let adviser: Session;
  let admin: Session;
  const names = (res: { body: { rows: { name: string }[] } }) => res.body.rows.map((r) => r.name);

  beforeAll(async () => {
    t = await createTestApp();
    alfa = await newProjectFixture(t, 'Alfaregionen');
    beta = await newProjectFixture(t, 'Betaregionen');
    gamma = await newProjectFixture(t, 'Gammaregionen');
    adviser = await t.as([
      { role: 'adviser', regionId: alfa.region.id },
      { role: 'adviser', regionId: beta.region.id },
    ]);
    admin = await t.as([{ role: 'admin' }]);

    // Alfa: ten months into its forstudie (recommended 6–9), one kommune in Telemark, two deliverables
    // past due of which one is accepted, and a published status report.
    await t.db.query(`UPDATE project_phase SET actual_start = $2, planned_end = $3 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      alfa.projectId,
      monthsAgo(10),
      addDays(today, 20),
    ]);
    await t.db.query(`UPDATE kommune SET county = 'Telemark' WHERE id = $1`, [alfa.kommuner[0].id]);
    await t.db.query(`UPDATE kommune SET county = 'Buskerud' WHERE id = ANY($1::uuid[])`, [
      [alfa.kommuner[1].id, ...beta.kommuner.map((k) => k.id), ...gamma.kommuner.map((k) => k.id)],
    ]);
    const deliverables = await t.db.query(
      `SELECT d.id FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = $1 AND ph.phase_key = 'forstudie' ORDER BY d.catalogue_key`,
      [alfa.projectId],
    );
    await t.db.query(`UPDATE deliverable SET due_date = $2 WHERE id = $1`, [deliverables[0].id, addDays(today, -3)]);
    await t.db.query(`UPDATE deliverable SET due_date = $2, state = 'accepted' WHERE id = $1`, [deliverables[1].id, addDays(today, -3)]);
    await t.db.query(`UPDATE deliverable SET due_date = $2 WHERE id = $1`, [deliverables[2].id, addDays(today, 5)]);
    // Last month's report (a month is reported on once it is over); yellow and red say why.
    const draft = (await alfa.leader.post(`/api/projects/${alfa.projectId}/status-reports`).send({ period }).expect(201)).body;
    const colours = {
      overall: { colour: 'yellow', comment: 'Forstudien tar lengre tid enn anbefalt.' },
      progress: { colour: 'red', comment: 'Kartleggingen er forsinket.' },
      economy: { colour: 'green' },
      risk: { colour: 'yellow', comment: 'Finansieringen er uavklart.' },
    };
    const saved = (
      await alfa.leader
        .patch(`/api/projects/${alfa.projectId}/status-reports/${draft.id}`)
        .send({ ...colours, version: draft.version })
        .expect(200)
    ).body;
    await alfa.leader
      .post(`/api/projects/${alfa.projectId}/status-reports/${draft.id}/publish`)
      .send({ version: saved.version })
      .expect(200);

    // Beta: in its forprosjekt for two months; its name would be a formula in a spreadsheet.
    await t.db.query(`UPDATE project SET name = '=Beta; "vekst"' WHERE id = $1`, [beta.projectId]);
    await t.db.query(
      `UPDATE project_phase SET state = 'completed', actual_start = $2, actual_end = $3 WHERE project_id = $1 AND phase_key = 'forstudie'`,
      [beta.projectId, monthsAgo(9), monthsAgo(2)],
    );
    await t.db.query(
      `UPDATE project_phase SET state = 'in_progress', actual_start = $2, planned_end = $3 WHERE project_id = $1 AND phase_key = 'forprosjekt'`,
      [beta.projectId, monthsAgo(2), addDays(today, 200)],
    );

    // A stopped project in Alfa's region.
    const stopped = (
      await alfa.regionraad
        .post('/api/projects')
        .send({ regionId: alfa.region.id, name: 'Alfa stoppet', kommuneIds: [alfa.kommuner[1].id] })
        .expect(201)
    ).body;
    stoppedId = stopped.id;
    await t.db.query(`UPDATE project SET status = 'stopped' WHERE id = $1`, [stoppedId]);
    await t.db.query(`UPDATE project_phase SET state = 'stopped', actual_end = $2 WHERE project_id = $1 AND phase_key = 'forstudie'`, [
      stoppedId,
      today,
    ]);
  });
  afterAll(() => t.close());

  it('shows an adviser the projects of their regions only, with where each stands', async () => {
    const res = await adviser.get('/api/portfolio').expect(200);
    expect(res.body.asOf).toBe(today);
    expect(names(res)).toEqual(['=Beta; "vekst"', 'Alfa stoppet', 'Næringsvennlig Alfaregionen']);
    const row = res.body.rows.find((r: { id: string }) => r.id === alfa.projectId);
    expect(row).toEqual({
      id: alfa.projectId,
      name: 'Næringsvennlig Alfaregionen',
      regionId: alfa.region.id,
      regionName: 'Alfaregionen',
      counties: ['Buskerud', 'Telemark'],
      status: 'active',
      currentPhaseKey: 'forstudie',
      currentPhaseState: 'in_progress',
      phaseStartedOn: monthsAgo(10),
      monthsInPhase: 10,
      recommendedMonths: { min: 6, max: 9 },
      durationStatus: 'long',
      latestReport: {
        id: expect.any(String),
        period,
        publishedAt: expect.any(String),
        colours: { overall: 'yellow', progress: 'red', economy: 'green', risk: 'yellow' },
      },
      overdueDeliverables: 1,
      nextGate: { phaseKey: 'forstudie', expectedDate: addDays(today, 20) },
      leader: { id: alfa.leader.userId, name: 'Pia Prosjektleder', email: expect.any(String) },
      waitingOn: { kind: 'leader', name: 'Pia Prosjektleder', since: monthsAgo(10) },
    });
    const stopped = res.body.rows.find((r: { id: string }) => r.id === stoppedId);
    expect(stopped).toMatchObject({
      status: 'stopped',
      currentPhaseKey: null,
      monthsInPhase: null,
      durationStatus: 'unknown',
      nextGate: null,
      latestReport: null,
      overdueDeliverables: 0,
      leader: null,
      waitingOn: { kind: 'none', name: null, since: null },
    });
  });

  it('shows what each project waits on: the body holding its case, then the kommunestyrer, then the leader again', async () => {
    const waiting = async () =>
      (await gamma.regionraad.get('/api/portfolio').expect(200)).body.rows.find((r: { id: string }) => r.id === gamma.projectId).waitingOn;
    const [phase] = await t.db.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = 'forstudie'`, [gamma.projectId]);
    await t.db.query(`UPDATE project_phase SET state = 'awaiting_decision' WHERE id = $1`, [phase.id]);
    const [submission] = await t.db.query(
      `INSERT INTO gate_submission (phase_id, readiness, submitted_at) VALUES ($1, '{}', $2::date + time '12:00') RETURNING id`,
      [phase.id, addDays(today, -10)],
    );
    // No case route: the council holds the case.
    expect(await waiting()).toEqual({ kind: 'body', name: 'Testregionrådet', since: addDays(today, -10) });
    for (const [position, name] of ['Styringsgruppen', 'Regionrådet'].entries()) {
      await t.db.query(
        `INSERT INTO gate_case_step (submission_id, position, body_name, body_kind, decides) VALUES ($1, $2, $3, 'annet', $4)`,
        [submission.id, position, name, position === 1],
      );
    }
    await t.db.query(
      `INSERT INTO kommune_case (submission_id, kommune_id, kommune_name, deadline, share) SELECT $1, id, name, $2, 1000 FROM kommune WHERE id = ANY($3::uuid[])`,
      [submission.id, addDays(today, 20), gamma.kommuner.map((k) => k.id)],
    );
    expect(await waiting()).toEqual({ kind: 'body', name: 'Styringsgruppen', since: addDays(today, -10) });
    await t.db.query(
      `UPDATE gate_case_step SET meeting_date = $2, handled_at = $2::date + time '18:00' WHERE submission_id = $1 AND position = 0`,
      [submission.id, addDays(today, -3)],
    );
    // At the deciding body, which waits for the kommunestyrer.
    expect(await waiting()).toEqual({ kind: 'kommuner', name: null, since: addDays(today, -10) });
    await t.db.query(`UPDATE kommune_case SET outcome = 'yes' WHERE submission_id = $1`, [submission.id]);
    expect(await waiting()).toEqual({ kind: 'body', name: 'Regionrådet', since: addDays(today, -3) });
    const csv = (await gamma.regionraad.get('/api/portfolio/export?format=csv').buffer(true).expect(200)).text.slice(1).split('\r\n');
    expect(csv[0]).toMatch(/;Venter på;Venter siden$/);
    expect(csv[1]).toMatch(new RegExp(`;Regionrådet;${norwegian(addDays(today, -3))}$`));
    // Back to the leader once decided (here: restored for the tests after this one).
    await t.db.query(`DELETE FROM gate_submission WHERE id = $1`, [submission.id]);
    await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE id = $1`, [phase.id]);
    expect(await waiting()).toMatchObject({ kind: 'leader', name: 'Pia Prosjektleder' });
  });

  it('shows admins every project, the regionråd its own region, and refuses those who follow no region', async () => {
    const all = names(await admin.get('/api/portfolio').expect(200));
    expect(all).toEqual(
      expect.arrayContaining(['Næringsvennlig Alfaregionen', '=Beta; "vekst"', 'Næringsvennlig Gammaregionen', 'Alfa stoppet']),
    );
    expect(names(await gamma.regionraad.get('/api/portfolio').expect(200))).toEqual(['Næringsvennlig Gammaregionen']);
    const contact = await t.as([{ role: 'kommune_contact', regionId: alfa.region.id }]);
    for (const s of [alfa.leader, contact, await t.as([])]) expect((await s.get('/api/portfolio').expect(403)).body.code).toBe('FORBIDDEN');
    await alfa.leader.get('/api/portfolio/export').expect(403);
    await alfa.leader.get('/api/portfolio/timeline').expect(403);
    expect((await adviser.get(`/api/portfolio?regionId=${gamma.region.id}`).expect(404)).body.code).toBe('REGION_NOT_FOUND');
  });

  it('filters by county, region, phase and status', async () => {
    expect(names(await adviser.get('/api/portfolio?county=Telemark').expect(200))).toEqual(['Næringsvennlig Alfaregionen']);
    expect(names(await adviser.get(`/api/portfolio?regionId=${beta.region.id}`).expect(200))).toEqual(['=Beta; "vekst"']);
    expect(names(await adviser.get('/api/portfolio?phase=forprosjekt').expect(200))).toEqual(['=Beta; "vekst"']);
    expect(names(await adviser.get('/api/portfolio?status=stopped').expect(200))).toEqual(['Alfa stoppet']);
    expect(names(await adviser.get(`/api/portfolio?status=active&county=Buskerud&regionId=${alfa.region.id}`).expect(200))).toEqual([
      'Næringsvennlig Alfaregionen',
    ]);
    const bad = await adviser.get('/api/portfolio?county=Atlantis&phase=x&status=paused&sort=colour&order=up&regionId=7').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'county',
      'order',
      'phase',
      'regionId',
      'sort',
      'status',
    ]);
  });

  it('sorts by every key, either way, with missing values last', async () => {
    const sorted = async (q: string) => names(await adviser.get(`/api/portfolio?${q}`).expect(200));
    expect(await sorted('sort=monthsInPhase&order=desc')).toEqual(['Næringsvennlig Alfaregionen', '=Beta; "vekst"', 'Alfa stoppet']);
    expect(await sorted('sort=monthsInPhase&order=asc')).toEqual(['=Beta; "vekst"', 'Næringsvennlig Alfaregionen', 'Alfa stoppet']);
    expect(await sorted('sort=overdue&order=desc')).toEqual(['Næringsvennlig Alfaregionen', '=Beta; "vekst"', 'Alfa stoppet']);
    expect(await sorted('sort=nextGateDate')).toEqual(['Næringsvennlig Alfaregionen', '=Beta; "vekst"', 'Alfa stoppet']);
    expect(await sorted('sort=nextGateDate&order=desc')).toEqual(['=Beta; "vekst"', 'Næringsvennlig Alfaregionen', 'Alfa stoppet']);
    expect(await sorted('sort=phase&order=desc')).toEqual(['=Beta; "vekst"', 'Næringsvennlig Alfaregionen', 'Alfa stoppet']);
    expect(await sorted('sort=region&order=desc')).toEqual(['=Beta; "vekst"', 'Alfa stoppet', 'Næringsvennlig Alfaregionen']);
    expect(await sorted('sort=name&order=desc')).toEqual(['Næringsvennlig Alfaregionen', 'Alfa stoppet', '=Beta; "vekst"']);
  });

  it('exports CSV for Norwegian Excel: BOM, semicolons, dd.mm.åååå, quoting and no formulas', async () => {
    const res = await adviser
      .get('/api/portfolio/export?format=csv&sort=name')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="portefolje-${today}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Prosjekt;Region;Fylke;Status;Fase;Fasestatus;Fase startet;Måneder i fasen;Anbefalt lengde (måneder);Varighet;Siste statusrapport;Samlet status;Fremdrift;Økonomi;Risiko;Forfalte leveranser;Neste beslutningspunkt;Forventet dato;Prosjektleder;E-post prosjektleder;Venter på;Venter siden',
    );
    expect(lines).toHaveLength(5); // header, three projects, and the final line end
    // Two months into a forprosjekt of 9–12 is a phase under way, not one shorter than recommended.
    expect(
      lines[1].startsWith(
        `"'=Beta; ""vekst""";Betaregionen;Buskerud;Aktiv;Forprosjekt;Pågår;${norwegian(monthsAgo(2))};2;9–12;Pågår, ikke nådd anbefalt lengde ennå;`,
      ),
    ).toBe(true);
    expect(lines[3]).toContain(
      `Næringsvennlig Alfaregionen;Alfaregionen;Buskerud, Telemark;Aktiv;Forstudie;Pågår;${norwegian(monthsAgo(10))};10;6–9;Lengre enn anbefalt;${period};Gul;Rød;Grønn;Gul;1;Etter forstudie;${norwegian(addDays(today, 20))};Pia Prosjektleder;`,
    );
    expect(lines[2]).toContain('Alfa stoppet;Alfaregionen;Buskerud;Stoppet;;;;;;Ukjent;;;;;;0;;;;');
  });

  it('exports in nynorsk or English when asked', async () => {
    const csv = async (lang: string) =>
      (await adviser.get(`/api/portfolio/export?format=csv&sort=name&lang=${lang}`).buffer(true).expect(200)).text.slice(1).split('\r\n');
    const en = await csv('en');
    expect(en[0]).toMatch(/^Project;Region;County;Status;Phase;Phase status;/);
    expect(en[3]).toContain(';Active;');
    expect(en[3]).toContain(';Yellow;Red;Green;Yellow;1;After ');
    const nn = await csv('nn');
    expect(nn[0]).toMatch(/^Prosjekt;Region;Fylke;Status;Fase;Fasestatus;Fase starta;Månader i fasen;Tilrådd lengd/);
    await adviser.get('/api/portfolio/export?lang=de').expect(400);
  });

  it('exports the same table as an Excel workbook', async () => {
    const res = await adviser
      .get('/api/portfolio/export?format=xlsx&status=active')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="portefolje-${today}.xlsx"`);
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK'); // a zip container
    await adviser.get('/api/portfolio/export?format=pdf').expect(400);
  });

  it('gives the timeline of every visible project: each phase with planned and actual dates', async () => {
    const res = (await adviser.get('/api/portfolio/timeline?status=active').expect(200)).body;
    expect(res.projects.map((p: { name: string }) => p.name)).toEqual(['=Beta; "vekst"', 'Næringsvennlig Alfaregionen']);
    const beta = res.projects[0];
    expect(beta.phases).toEqual([
      {
        key: 'forstudie',
        state: 'completed',
        plannedStart: '2026-01-01',
        plannedEnd: '2026-09-30',
        actualStart: monthsAgo(9),
        actualEnd: monthsAgo(2),
      },
      {
        key: 'forprosjekt',
        state: 'in_progress',
        plannedStart: null,
        plannedEnd: addDays(today, 200),
        actualStart: monthsAgo(2),
        actualEnd: null,
      },
      { key: 'hovedprosjekt', state: 'not_started', plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null },
    ]);
  });

  it('reads the portfolio in a fixed number of queries, however many projects there are (no N+1)', async () => {
    const few = await countQueries(t.db, () => gamma.regionraad.get('/api/portfolio').expect(200));
    const many = await countQueries(t.db, () => admin.get('/api/portfolio').expect(200));
    expect(many).toBe(few);
    const timelineFew = await countQueries(t.db, () => gamma.regionraad.get('/api/portfolio/timeline').expect(200));
    const timelineMany = await countQueries(t.db, () => admin.get('/api/portfolio/timeline').expect(200));
    expect(timelineMany).toBe(timelineFew);
    expect(timelineMany - many).toBe(1);
  });

  it('pages every sort either way with cursors: the pages together are the whole list, in order, with totals of every match', async () => {
    const all = async (q: string) => (await adviser.get(`/api/portfolio?${q}&limit=200`).expect(200)).body;
    for (const sort of ['name', 'region', 'phase', 'monthsInPhase', 'overdue', 'nextGateDate']) {
      for (const order of ['asc', 'desc']) {
        const whole = await all(`sort=${sort}&order=${order}`);
        expect(whole.nextCursor).toBeNull();
        const walked: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 10; i++) {
          const page: { rows: { name: string }[]; nextCursor: string | null; totals: unknown } = (
            await adviser
              .get(`/api/portfolio?sort=${sort}&order=${order}&limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`)
              .expect(200)
          ).body;
          expect(page.totals).toEqual(whole.totals);
          walked.push(...page.rows.map((r) => r.name));
          after = page.nextCursor;
          if (!after) break;
        }
        expect(walked).toEqual(names({ body: whole }));
      }
    }
    expect((await all('sort=name')).totals).toEqual({ projects: 3, withOverdueDeliverables: 1, awaitingDecision: 0 });
  });

  it('refuses a cursor of another order, an altered one and page sizes out of range, saying what to do', async () => {
    const first = (await adviser.get('/api/portfolio?sort=name&limit=1').expect(200)).body;
    expect(first.rows).toHaveLength(1);
    const other = await adviser.get(`/api/portfolio?sort=region&limit=1&after=${encodeURIComponent(first.nextCursor)}`).expect(400);
    expect(other.body).toMatchObject({ code: 'PORTFOLIO_CURSOR_INVALID' });
    expect(other.body.message).toMatch(/first page/);
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '00000000-0000-4000-8000-000000000000';
    for (const [sort, bad] of [
      ['name', 'not a cursor'],
      ['name', forge(['name', 'asc', 'x', 'a', 'b', 'not-a-uuid'])],
      ['overdue', forge(['overdue', 'asc', 'seven', 'a', 'b', uuid])],
      ['name', forge(['name', 'asc', 'a\u0000b', 'a', 'b', uuid])],
      ['name', forge({ sort: 'name' })],
    ]) {
      const res = await adviser.get(`/api/portfolio?sort=${sort}&after=${encodeURIComponent(bad)}`);
      expect([res.status, res.body.code]).toEqual([400, 'PORTFOLIO_CURSOR_INVALID']);
    }
    for (const limit of ['0', '201', 'ten', '1.5']) {
      const res = await adviser.get(`/api/portfolio?limit=${limit}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
    }
    // A cursor past the last row (the row was deleted meanwhile) gives an empty last page with the totals.
    const last = forge(['name', 'asc', 'ÅÅÅ', 'ÅÅÅ', 'ÅÅÅ', uuid]);
    const past = (await adviser.get(`/api/portfolio?sort=name&after=${last}`).expect(200)).body;
    expect(past).toMatchObject({ rows: [], nextCursor: null, totals: { projects: 3 } });
  });

  it('sorts names the Norwegian way (numbers by value, Æ Ø Å last), and pages and exports a region of 1 100 projects', async () => {
    const big = await newProjectFixture(t, 'Storregionen');
    await t.db.query(
      `INSERT INTO project (region_id, name, status)
       SELECT $1, 'Prosjekt ' || i, 'active' FROM generate_series(1, 1095) i`,
      [big.region.id],
    );
    await t.db.query(
      `INSERT INTO project (region_id, name, status) SELECT $1, n, 'active' FROM unnest(ARRAY['Øst', 'Ål', 'Æra', 'Zeta']) n`,
      [big.region.id],
    );
    const walked: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: { rows: { name: string }[]; nextCursor: string | null; totals: { projects: number } } = (
        await admin
          .get(`/api/portfolio?regionId=${big.region.id}&limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`)
          .expect(200)
      ).body;
      expect(page.totals.projects).toBe(1100);
      walked.push(...page.rows.map((r) => r.name));
      after = page.nextCursor;
      pages += 1;
    } while (after);
    expect(pages).toBe(6);
    expect(new Set(walked).size).toBe(1100);
    expect(walked.slice(0, 3)).toEqual(['Næringsvennlig Storregionen', 'Prosjekt 1', 'Prosjekt 2']);
    expect(walked.slice(-5)).toEqual(['Prosjekt 1095', 'Zeta', 'Æra', 'Øst', 'Ål']);
    // The default page is 50 rows.
    expect((await admin.get(`/api/portfolio?regionId=${big.region.id}`).expect(200)).body.rows).toHaveLength(50);

    // The export streams every row (more than one batch from the database), in the same order.
    const csv = (await admin.get(`/api/portfolio/export?format=csv&regionId=${big.region.id}`).buffer(true).expect(200)).text;
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1101);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(walked);
    const xlsx = await admin
      .get(`/api/portfolio/export?format=xlsx&regionId=${big.region.id}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const sheet = (await readSheet(xlsx.body as Buffer)) as unknown[][];
    expect(sheet).toHaveLength(1101);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(walked);
    await t.db.query(`DELETE FROM project WHERE region_id = $1 AND id <> $2`, [big.region.id, big.projectId]);
  });

  it('shows the demo adviser the demo projects with their published status reports', async () => {
    const demo = await createTestApp();
    try {
      await seedDemoData(demo.db);
      const rune = await demo.signIn('radgiver@demo.no', DEMO_PASSWORD);
      const rows = (await rune.get('/api/portfolio?sort=name').expect(200)).body.rows;
      expect(
        rows.map((r: { name: string; latestReport: { period: string; colours: { overall: string } } | null }) => [
          r.name,
          r.latestReport?.period ?? null,
          r.latestReport?.colours.overall ?? null,
        ]),
      ).toEqual([
        ['Næringsvennlig Glåmdal', '2026-10', 'green'],
        ['Næringsvennlig Kongsbergregion 2026', '2026-10', 'yellow'],
        ['Samordnet næringsapparat i Kongsbergregionen', null, null],
      ]);
      const kongsberg = rows[1];
      const reports = (await rune.get(`/api/projects/${kongsberg.id}/status-reports`).expect(200)).body;
      expect(reports.map((r: { period: string }) => r.period)).toEqual(['2026-10', '2026-09']);
      // Every published demo report keeps the publishing rules: its month was over, and yellow and red say why.
      const published: { period: string; colour: string; comment: string; published_at: Date }[] = await demo.db.query(
        `SELECT period, c.colour, c.comment, published_at FROM status_report,
                LATERAL (VALUES (overall_colour, overall_comment), (progress_colour, progress_comment),
                                (economy_colour, economy_comment), (risk_colour, risk_comment)) AS c(colour, comment)
          WHERE state = 'published'`,
      );
      expect(published.length).toBeGreaterThan(0);
      for (const r of published) {
        expect(isPeriodOver(r.period, todayInOslo(r.published_at))).toBe(true);
        if (r.colour !== 'green') expect(r.comment.trim()).not.toBe('');
      }
      const comments = (
        await rune.get(`/api/projects/${kongsberg.id}/comments?targetType=status_report&targetId=${reports[0].id}`).expect(200)
      ).body;
      expect(comments[0]).toMatchObject({
        author: { name: 'Rune Rådgiver (Innovasjon Norge)' },
        mentions: [{ name: 'Pia Prosjektleder' }],
      });
      const pia = await demo.signIn('prosjektleder@demo.no', DEMO_PASSWORD);
      expect((await pia.get('/api/notifications').expect(200)).body).toMatchObject({
        unreadCount: 1,
        items: [{ kind: 'mention', projectName: 'Næringsvennlig Kongsbergregion 2026' }],
      });
    } finally {
      await demo.close();
    }
  });
});
