import { addDays, PHASE_KEYS, todayInOslo } from '@nvr/shared';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * The portfolio's figures, filters, sorts and pages against a plain reading of the tables (the oracle
 * below, in TypeScript): projects with several phases, two current ones, none, phases of other states,
 * open and done deliverables due before, on and after today, names shared across and within regions,
 * and projects that are not active. Every sort either way, under every filter, as an adviser and as an
 * admin; then again after writes that change what the portfolio shows.
 */
const today = todayInOslo();
const CURRENT = ['in_progress', 'awaiting_decision'];
const OPEN = ['draft', 'submitted', 'returned'];
const SORTS = ['name', 'region', 'phase', 'monthsInPhase', 'overdue', 'nextGateDate'] as const;
type Sort = (typeof SORTS)[number];
const collator = new Intl.Collator('nb', { numeric: true });

interface Expected {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  status: string;
  counties: string[];
  currentPhaseKey: string | null;
  currentPhaseState: string | null;
  phaseStartedOn: string | null;
  overdueDeliverables: number;
  nextGate: { phaseKey: string; expectedDate: string | null } | null;
}

interface Row extends Expected {
  [key: string]: unknown;
}

/** What the portfolio should show for every project, read from the tables as they are now. */
async function oracle(t: TestApp): Promise<Expected[]> {
  const projects: { id: string; name: string; status: string; region_id: string; region_name: string }[] = await t.db.query(
    `SELECT p.id, p.name, p.status, p.region_id, r.name AS region_name FROM project p JOIN region r ON r.id = p.region_id`,
  );
  const phases: {
    id: string;
    project_id: string;
    phase_key: string;
    position: number;
    state: string;
    actual_start: string | null;
    planned_end: string | null;
  }[] = await t.db.query(`SELECT id, project_id, phase_key, position, state, actual_start, planned_end FROM project_phase`);
  const deliverables: { phase_id: string; state: string; due_date: string | null }[] = await t.db.query(
    `SELECT phase_id, state, due_date FROM deliverable`,
  );
  const counties: { project_id: string; county: string }[] = await t.db.query(
    `SELECT DISTINCT pk.project_id, k.county FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id`,
  );
  const projectOfPhase = new Map(phases.map((ph) => [ph.id, ph.project_id]));
  return projects.map((p) => {
    const current = phases.filter((ph) => ph.project_id === p.id && CURRENT.includes(ph.state)).sort((a, b) => a.position - b.position)[0];
    const overdue =
      p.status !== 'active'
        ? 0
        : deliverables.filter(
            (d) => projectOfPhase.get(d.phase_id) === p.id && OPEN.includes(d.state) && d.due_date !== null && d.due_date < today,
          ).length;
    return {
      id: p.id,
      name: p.name,
      regionId: p.region_id,
      regionName: p.region_name,
      status: p.status,
      counties: counties
        .filter((c) => c.project_id === p.id)
        .map((c) => c.county)
        .sort(),
      currentPhaseKey: current?.phase_key ?? null,
      currentPhaseState: current?.state ?? null,
      phaseStartedOn: current?.actual_start ?? null,
      overdueDeliverables: overdue,
      nextGate: current ? { phaseKey: current.phase_key, expectedDate: current.planned_end } : null,
    };
  });
}

/** The value a row is sorted on (null: last either way), and whether the key runs the other way round. */
function sortValue(e: Expected, sort: Sort): string | number | null {
  switch (sort) {
    case 'name':
      return e.name;
    case 'region':
      return e.regionName;
    case 'phase':
      return e.currentPhaseKey
        ? (PHASE_KEYS.indexOf(e.currentPhaseKey as never) + 1) * 10 + (e.currentPhaseState === 'awaiting_decision' ? 1 : 0)
        : null;
    case 'monthsInPhase':
      return e.currentPhaseKey ? e.phaseStartedOn : null;
    case 'overdue':
      return e.overdueDeliverables;
    case 'nextGateDate':
      return e.currentPhaseKey ? (e.nextGate?.expectedDate ?? null) : null;
  }
}

function compareValues(a: string | number, b: string | number, sort: Sort): number {
  if (sort === 'name' || sort === 'region') return collator.compare(a as string, b as string);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order the portfolio promises: the key (more months in the phase = an earlier start), missing values last, then name, region name and id. */
function expectedOrder(rows: Expected[], sort: Sort, order: 'asc' | 'desc'): Expected[] {
  const ascending = (order === 'asc') !== (sort === 'monthsInPhase');
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort);
    const vb = sortValue(b, sort);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compareValues(va, vb, sort);
      if (c !== 0) return ascending ? c : -c;
    }
    return collator.compare(a.name, b.name) || collator.compare(a.regionName, b.regionName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

const shown = (r: Row): Expected => ({
  id: r.id,
  name: r.name,
  regionId: r.regionId,
  regionName: r.regionName,
  status: r.status,
  counties: r.counties,
  currentPhaseKey: r.currentPhaseKey,
  currentPhaseState: r.currentPhaseState,
  phaseStartedOn: r.phaseStartedOn,
  overdueDeliverables: r.overdueDeliverables,
  nextGate: r.nextGate,
});

describe('portfolio: figures, filters, sorts and pages against the tables', () => {
  let t: TestApp;
  let alfa: ProjectFixture;
  let beta: ProjectFixture;
  let gamma: ProjectFixture;
  let adviser: Session;
  let admin: Session;
  /** "region/name" → id, for the projects made below (the last one of a name wins). */
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key)!;

  /** A project by SQL: its phases as [key, state, actual start, planned end], deliverables per phase as [state, due]. */
  async function project(
    region: ProjectFixture,
    name: string,
    status: string,
    phases: [string, string, string | null, string | null][],
    deliverables: Record<string, [string, string | null][]> = {},
  ): Promise<string> {
    const [p] = await t.db.query(`INSERT INTO project (region_id, name, status) VALUES ($1, $2, $3) RETURNING id`, [
      region.region.id,
      name,
      status,
    ]);
    await t.db.query(`INSERT INTO project_kommune (project_id, kommune_id) VALUES ($1, $2)`, [p.id, region.kommuner[0].id]);
    for (const [key, state, start, end] of phases) {
      const [ph] = await t.db.query(
        `INSERT INTO project_phase (project_id, phase_key, position, state, actual_start, planned_end) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [p.id, key, PHASE_KEYS.indexOf(key as never) + 1, state, start, end],
      );
      for (const [i, [dState, due]] of (deliverables[key] ?? []).entries()) {
        await t.db.query(`INSERT INTO deliverable (phase_id, title, state, due_date, not_required_reason) VALUES ($1, $2, $3, $4, $5)`, [
          ph.id,
          `Leveranse ${i + 1}`,
          dState,
          due,
          dState === 'not_required' ? 'Ikke aktuelt' : null,
        ]);
      }
    }
    ids.set(`${region.region.name}/${name}`, p.id);
    return p.id;
  }

  /** Every sort either way, as the adviser (Alfa and Beta) and the admin (all), under each filter: rows, figures and totals. */
  async function checkEverything(): Promise<number> {
    const all = await oracle(t);
    const scopes: [Session, (e: Expected) => boolean, number][] = [
      [adviser, (e) => e.regionId === alfa.region.id || e.regionId === beta.region.id, Infinity],
      [admin, () => true, 3], // the first three filters
    ];
    const filters: [string, (e: Expected) => boolean][] = [
      ['', () => true],
      ['status=completed', (e) => e.status === 'completed'],
      ['phase=forprosjekt', (e) => e.currentPhaseKey === 'forprosjekt'],
      [`regionId=${beta.region.id}`, (e) => e.regionId === beta.region.id],
      ['county=Telemark', (e) => e.counties.includes('Telemark')],
      ...['forstudie', 'hovedprosjekt'].map((k): [string, (e: Expected) => boolean] => [`phase=${k}`, (e) => e.currentPhaseKey === k]),
      ...['active', 'stopped'].map((s): [string, (e: Expected) => boolean] => [`status=${s}`, (e) => e.status === s]),
      ['status=active&county=Buskerud', (e) => e.status === 'active' && e.counties.includes('Buskerud')],
    ];
    let checked = 0;
    for (const [session, inScope, filterCount] of scopes) {
      for (const [filter, matches] of filters.slice(0, filterCount)) {
        const rows = all.filter((e) => inScope(e) && matches(e));
        for (const sort of SORTS) {
          for (const order of ['asc', 'desc'] as const) {
            const res = (await session.get(`/api/portfolio?sort=${sort}&order=${order}&limit=200&${filter}`).expect(200)).body;
            const context = `${sort} ${order} ${filter}`;
            expect([context, res.rows.map(shown)]).toEqual([context, expectedOrder(rows, sort, order)]);
            expect([context, res.totals]).toEqual([
              context,
              {
                projects: rows.length,
                withOverdueDeliverables: rows.filter((e) => e.overdueDeliverables > 0).length,
                awaitingDecision: rows.filter((e) => e.currentPhaseState === 'awaiting_decision').length,
              },
            ]);
            checked += 1;
          }
        }
      }
    }
    return checked;
  }

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
    await t.db.query(`UPDATE kommune SET county = 'Telemark' WHERE id = ANY($1::uuid[])`, [[alfa.kommuner[0].id, gamma.kommuner[0].id]]);
    await t.db.query(`UPDATE kommune SET county = 'Buskerud' WHERE id = ANY($1::uuid[])`, [
      [alfa.kommuner[1].id, ...beta.kommuner.map((k) => k.id), gamma.kommuner[1].id],
    ]);
    const start = addDays(today, -90);
    // In its forprosjekt; overdue: an open one in the completed forstudie and a submitted one due yesterday (not the one due today).
    await project(
      alfa,
      'Delta',
      'active',
      [
        ['forstudie', 'completed', addDays(today, -400), addDays(today, -100)],
        ['forprosjekt', 'in_progress', start, addDays(today, 100)],
        ['hovedprosjekt', 'not_started', null, null],
      ],
      {
        forstudie: [
          ['draft', addDays(today, -10)],
          ['accepted', addDays(today, -10)],
        ],
        forprosjekt: [
          ['submitted', addDays(today, -1)],
          ['returned', today],
          ['draft', addDays(today, 5)],
          ['draft', null],
          ['not_required', addDays(today, -3)],
        ],
      },
    );
    // The same name in another region, awaiting its decision, its gate expected in the past.
    await project(beta, 'Delta', 'active', [['forstudie', 'awaiting_decision', addDays(today, -240), addDays(today, -5)]], {
      forstudie: [
        ['returned', addDays(today, -30)],
        ['accepted', addDays(today, -30)],
      ],
    });
    // Completed: its open deliverable past due does not count; no current phase.
    await project(alfa, 'Echo', 'completed', [['forstudie', 'completed', addDays(today, -700), addDays(today, -400)]], {
      forstudie: [['draft', addDays(today, -50)]],
    });
    // Active without any phase.
    await project(alfa, 'Foxtrot 10', 'active', []);
    await project(alfa, 'Foxtrot 9', 'active', [['forstudie', 'not_started', null, null]]);
    // Two current phases: the first by position counts. Started the same day as Delta (a tie on months in phase).
    await project(
      beta,
      'Golf',
      'active',
      [
        ['forstudie', 'completed', addDays(today, -400), addDays(today, -100)],
        ['forprosjekt', 'awaiting_decision', start, addDays(today, 100)],
        ['hovedprosjekt', 'in_progress', addDays(today, -10), addDays(today, 900)],
      ],
      { hovedprosjekt: [['draft', addDays(today, -2)]] },
    );
    // The same name twice in one region: ordered by id.
    for (let i = 0; i < 2; i++) {
      await project(alfa, 'Hotel', 'active', [['forstudie', 'in_progress', start, null]], {
        forstudie: [
          ['draft', addDays(today, -1)],
          ['submitted', addDays(today, -1)],
        ],
      });
    }
    await project(beta, 'India', 'stopped', [['forstudie', 'stopped', addDays(today, -200), addDays(today, -20)]], {
      forstudie: [['draft', addDays(today, -20)]],
    });
    // Outside the adviser's regions, with something overdue.
    await project(gamma, 'Juliett', 'active', [['forstudie', 'in_progress', addDays(today, -20), addDays(today, 20)]], {
      forstudie: [['draft', addDays(today, -1)]],
    });
  });
  afterAll(() => t.close());

  it('shows every figure, filter, sort and total as the tables say', async () => {
    const all = await oracle(t);
    // The data set holds what the test is about.
    const byName = (name: string) => all.filter((e) => e.name === name);
    expect(
      byName('Delta')
        .map((e) => e.overdueDeliverables)
        .sort(),
    ).toEqual([1, 2]);
    expect(byName('Golf')[0]).toMatchObject({
      currentPhaseKey: 'forprosjekt',
      currentPhaseState: 'awaiting_decision',
      overdueDeliverables: 1,
    });
    expect(byName('Echo')[0]).toMatchObject({ currentPhaseKey: null, overdueDeliverables: 0 });
    expect(await checkEverything()).toBe((10 + 3) * SORTS.length * 2);
  });

  it('pages every sort either way: the pages together are the whole list', async () => {
    for (const sort of SORTS) {
      for (const order of ['asc', 'desc']) {
        const whole = (await adviser.get(`/api/portfolio?sort=${sort}&order=${order}&limit=200`).expect(200)).body;
        const walked: string[] = [];
        let after: string | null = null;
        do {
          const page: { rows: { id: string }[]; nextCursor: string | null; totals: unknown } = (
            await adviser
              .get(`/api/portfolio?sort=${sort}&order=${order}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`)
              .expect(200)
          ).body;
          expect(page.totals).toEqual(whole.totals);
          walked.push(...page.rows.map((r) => r.id));
          after = page.nextCursor;
        } while (after && walked.length <= whole.rows.length);
        expect([sort, order, walked]).toEqual([sort, order, whole.rows.map((r: { id: string }) => r.id)]);
      }
    }
  });

  it('follows every write that changes what it shows, through the API and by SQL', async () => {
    const phase = async (projectId: string, key: string) =>
      (await t.db.query(`SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = $2`, [projectId, key]))[0].id as string;

    // The fixture's project through the API: a deliverable's due date and state.
    const project = (await alfa.leader.get(`/api/projects/${alfa.projectId}`).expect(200)).body;
    const d = project.phases[0].deliverables[0];
    await t.db.query(`UPDATE deliverable SET due_date = $2 WHERE id = $1`, [d.id, addDays(today, -4)]);
    await alfa.leader
      .patch(`/api/projects/${alfa.projectId}/deliverables/${d.id}`)
      .send({ content: 'Skrevet', version: d.version })
      .expect(200);
    await alfa.leader.post(`/api/projects/${alfa.projectId}/deliverables/${d.id}/submit`).expect(200);
    await checkEverything();
    await alfa.regionraad.post(`/api/projects/${alfa.projectId}/deliverables/${d.id}/review`).send({ outcome: 'accepted' }).expect(200);

    // By SQL: a phase decided and the next one started, a deliverable moved to another project's phase,
    // one deleted, a due date cleared, a project's status changed, a phase deleted, a project deleted.
    const delta = id('Betaregionen/Delta');
    await t.db.query(`UPDATE project_phase SET state = 'completed' WHERE id = $1`, [await phase(delta, 'forstudie')]);
    await t.db.query(
      `INSERT INTO project_phase (project_id, phase_key, position, state, actual_start, planned_end) VALUES ($1, 'forprosjekt', 2, 'in_progress', $2, $3)`,
      [delta, today, addDays(today, 300)],
    );
    const golf = id('Betaregionen/Golf');
    await t.db.query(`UPDATE deliverable SET phase_id = $1 WHERE phase_id = $2`, [
      await phase(delta, 'forstudie'),
      await phase(golf, 'hovedprosjekt'),
    ]);
    await t.db.query(`DELETE FROM deliverable WHERE id = (SELECT id FROM deliverable WHERE phase_id = $1 LIMIT 1)`, [
      await phase(id('Alfaregionen/Hotel'), 'forstudie'),
    ]);
    await t.db.query(`UPDATE deliverable SET due_date = NULL WHERE phase_id = $1 AND state = 'submitted'`, [
      await phase(id('Alfaregionen/Delta'), 'forprosjekt'),
    ]);
    await t.db.query(`UPDATE project SET status = 'active' WHERE id = $1`, [id('Alfaregionen/Echo')]);
    await t.db.query(`UPDATE project_phase SET state = 'in_progress' WHERE project_id = $1`, [id('Alfaregionen/Echo')]);
    await t.db.query(`DELETE FROM project_phase WHERE project_id = $1 AND phase_key = 'forprosjekt'`, [golf]);
    await t.db.query(`DELETE FROM project WHERE id = $1`, [id('Betaregionen/India')]);
    await t.db.query(`UPDATE project_phase SET project_id = $1 WHERE project_id = $2`, [
      id('Alfaregionen/Foxtrot 10'),
      id('Alfaregionen/Foxtrot 9'),
    ]);
    expect(await checkEverything()).toBe((10 + 3) * SORTS.length * 2);
  });

  it('keeps the figures right when two transactions write to one project at once, and after a TRUNCATE', async () => {
    const projectId = id('Alfaregionen/Delta');
    const [d1, d2] = await t.db.query(
      `SELECT d.id FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = $1 AND d.due_date IS NULL ORDER BY d.id`,
      [projectId],
    );
    await t.db.query(`UPDATE deliverable SET state = 'draft' WHERE id = ANY($1::uuid[])`, [[d1.id, d2.id]]);
    const [a, b] = [t.db.createQueryRunner(), t.db.createQueryRunner()];
    try {
      await a.connect();
      await b.connect();
      const [{ pid }] = await b.query(`SELECT pg_backend_pid() AS pid`);
      await a.startTransaction();
      await b.startTransaction();
      await a.query(`UPDATE deliverable SET due_date = $2 WHERE id = $1`, [d1.id, addDays(today, -7)]);
      // b's statement waits for a's lock on the project's row, then counts what a committed.
      const second = b.query(`UPDATE deliverable SET due_date = $2 WHERE id = $1`, [d2.id, addDays(today, -8)]);
      for (let waited = 0; ; waited++) {
        const [{ waiting }] = await t.db.query(`SELECT wait_event_type = 'Lock' AS waiting FROM pg_stat_activity WHERE pid = $1`, [pid]);
        if (waiting) break;
        if (waited > 500) throw new Error('The second transaction never waited for the first');
        await new Promise((r) => setTimeout(r, 10));
      }
      await a.commitTransaction();
      await second;
      await b.commitTransaction();
    } finally {
      await a.release();
      await b.release();
    }
    const stateOf = async () =>
      (await t.db.query(`SELECT open_due_dates::text[] AS due FROM project_portfolio_state WHERE project_id = $1`, [projectId]))[0].due;
    expect(await stateOf()).toEqual(expect.arrayContaining([addDays(today, -8), addDays(today, -7)]));
    expect(await checkEverything()).toBe((10 + 3) * SORTS.length * 2);

    // Every row equals its recomputation, also after a TRUNCATE (of the deliverables, here inside a transaction rolled back).
    const recomputed = `
      SELECT p.id, cur.id AS phase_id, cur.phase_key, cur.state, cur.actual_start, cur.planned_end,
             coalesce((SELECT array_agg(d.due_date ORDER BY d.due_date) FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id
                        WHERE ph.project_id = p.id AND d.state IN ('draft', 'submitted', 'returned') AND d.due_date IS NOT NULL), '{}') AS due
        FROM project p
        LEFT JOIN LATERAL (SELECT * FROM project_phase ph WHERE ph.project_id = p.id AND ph.state IN ('in_progress', 'awaiting_decision')
                            ORDER BY ph.position LIMIT 1) cur ON true
       ORDER BY p.id`;
    const stored = `
      SELECT p.id, s.phase_id, s.phase_key, s.phase_state AS state, s.actual_start, s.planned_end, s.open_due_dates AS due
        FROM project p LEFT JOIN project_portfolio_state s ON s.project_id = p.id ORDER BY p.id`;
    expect(await t.db.query(stored)).toEqual(await t.db.query(recomputed));
    const runner = t.db.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`TRUNCATE deliverable CASCADE`);
      expect(await runner.query(stored)).toEqual(await runner.query(recomputed));
      expect((await runner.query(`SELECT count(*)::int AS n FROM project_portfolio_state WHERE open_due_dates <> '{}'`))[0].n).toBe(0);
      await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  });
});
