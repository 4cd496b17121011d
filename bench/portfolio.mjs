// Benchmark: the portfolio (GET /api/portfolio, its timeline and its exports) against a raw baseline, at
// the national scale and at ten times as many projects (issue 13, goals 1, 3 and 6).
//
// Three data sets, each in its own database made from one migrated template:
//  - national: about 360 kommuner, 80 regions, 10 advisers (8 regions each) and 400 projects (5 per
//    region) with their full history (phases, deliverables, gates, monthly status reports, comments,
//    notifications, history events);
//  - ×10: the same directory and 4 000 projects with the same history each: 72 regions hold 55 projects,
//    while the 8 regions of adviser 9 keep their 5 each, so radgiver9 follows the same 40 projects at both
//    scales (and radgiver0, regions 1–8, follows 40 then 440): the adviser's cost should not grow with
//    other regions' projects;
//  - export: the directory and 40 000 light projects (phases, one kommune, one leader; no history),
//    inserted by SQL, for the exports' memory.
// Loads each set (bulk INSERT … unnest, printed load time), starts the built server (server/dist) on it,
// signs in, and compares it with a raw baseline in the same process: a node:http server in a worker
// thread with a pg Pool of the app's size that runs the same portfolioPageSql/portfolioPageParams for
// the same URL (scope resolved once up front, no auth or session; `{ rows }` as JSON.stringify of the
// rows; the timeline also reads the page's phases, as the app does). Real and raw are measured
// INTERLEAVED (BENCH_SLICES short slices each, alternating which goes first) at the same concurrency,
// so drift on the machine hits both. Scenarios, at 10 and at 50 connections on both scales: the admin's
// first page (name), the advisers' first page by months in phase (desc), the admin's page 3 (nextCursor
// followed twice), the timeline's first page. Then one CSV and one XLSX export of everything at 4 000 and
// at 40 000 (time, bytes, the server's peak RSS against its idle RSS, sampled every 100 ms).
// Loopback only; no Accept-Encoding (the app would compress, the raw server does not).
// Prints one table per scale and the export table, and writes bench/results/portfolio.json. Columns:
// req/s and p50/p95 of each side; "@1": median latency one request at a time (no queueing); CPU per
// request of the app's process ("node real"), of the raw server (the bench process's CPU in raw slices
// less that in real slices, i.e. less the load generator's), of the load generator ("client") and of
// PostgreSQL (postmaster and backends; embedded PostgreSQL only); the app's peak RSS; which of the issue's
// targets a row misses (×10 scale: the admin's first page and the advisers'). Exits 1 when a request
// failed, an export was short, or the raw rows differ from the app's. About 16 minutes; BENCH_QUICK 3.
//
// Run through `npm run bench` (which builds first), e.g. `BENCH_SKIP_BUILD=1 BENCH_ONLY=portfolio npm run bench`.
// Database: DATABASE_URL's server (new databases are created and dropped), else an embedded PostgreSQL in
// .data/pg-bench. Knobs: BENCH_DURATION_S (15: seconds per side per scenario, split into BENCH_SLICES (5)
// slices), BENCH_CONCURRENCY (10), BENCH_HIGH_CONCURRENCY (50), BENCH_SCALE (10: the second set's
// factor), BENCH_EXPORT_PROJECTS (40000; 0 skips the export set), BENCH_PG_PORT (54349), BENCH_KEEP_DB=1
// (keep the databases afterwards, to look at query plans), BENCH_QUICK=1 (a smoke run: short slices, ×2 and
// 4 000 exported), BENCH_SERVER_DIST (another build's dist folder, e.g. a copy of the last one, to compare
// before and after).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  cpuSeconds,
  formatTable,
  freePort,
  mulberry32,
  percentile,
  rssMb,
  signIn,
  stopAfter,
  waitForHealth,
  withClient,
  withDatabase,
  serverNodeArgs,
} from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// BENCH_SERVER_DIST: another build of the server (its dist folder, under the repository so that its
// packages resolve), e.g. a copy of an earlier build to measure before and after a change.
const dist = join(process.env.BENCH_SERVER_DIST ? resolve(root, process.env.BENCH_SERVER_DIST) : join(root, 'server/dist'), 'server/src');
if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const shared = require(join(root, 'shared/dist/index.js'));

// ---------------------------------------------------------------------------------------------
// The raw baseline (worker thread): node:http + pg Pool, the app's page SQL, no framework.

/** The phases of the page's projects: the same statement as findTimelinePhases (portfolio.queries.ts). */
const TIMELINE_PHASES_SQL = `SELECT project_id, phase_key, state, planned_start, planned_end, actual_start, actual_end FROM project_phase WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, position`;

function runRawServer({ url, poolMax, scopes }) {
  const { Pool, types } = require('pg');
  // As the app (data-source-options.ts): calendar dates stay 'YYYY-MM-DD' strings.
  types.setTypeParser(types.builtins.DATE, (value) => value);
  const { portfolioPageSql, portfolioPageParams } = require(join(dist, 'portfolio/portfolio.queries.js'));
  const { decodePortfolioCursor } = require(join(dist, 'portfolio/portfolio-cursor.js'));
  const pool = new Pool({ connectionString: url, max: poolMax, application_name: 'bench-raw' });
  const server = createHttpServer(async (req, res) => {
    try {
      const u = new URL(req.url, 'http://raw');
      const scope = scopes[req.headers['x-bench-user']];
      if (scope === undefined) throw new Error(`unknown x-bench-user ${req.headers['x-bench-user']}`);
      const sort = u.searchParams.get('sort') ?? 'name';
      const order = u.searchParams.get('order') ?? 'asc';
      const after = u.searchParams.get('after');
      const q = {
        regionIds: scope,
        regionId: null,
        county: null,
        phase: null,
        status: null,
        today: shared.todayInOslo(),
        sort,
        order,
        after: after ? decodePortfolioCursor(after, sort, order) : null,
        limit: Number(u.searchParams.get('limit') ?? 50) + 1, // as the app: one more, to know whether a next page exists
      };
      const result = await pool.query(portfolioPageSql(sort, order, q.after !== null), portfolioPageParams(q));
      let body;
      if (u.pathname === '/api/portfolio/timeline') {
        const phases = await pool.query(TIMELINE_PHASES_SQL, [result.rows.map((r) => r.id)]);
        body = JSON.stringify({ rows: result.rows, phases: phases.rows });
      } else body = JSON.stringify({ rows: result.rows });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e?.message ?? e));
    }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
  parentPort.on('message', (m) => {
    if (m !== 'close') return;
    server.close(() => pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

if (!isMainThread) runRawServer(workerData);

/** Starts the raw server in a worker thread; `scopes` maps a user key (x-bench-user) to regionIds (null: all). */
async function startRaw(url, poolMax, scopes) {
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { url, poolMax, scopes } });
  const { port } = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const exited = new Promise((r) => worker.once('exit', r));
  return {
    base: `http://127.0.0.1:${port}`,
    close: async () => {
      worker.postMessage('close');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Knobs

const QUICK = !!process.env.BENCH_QUICK;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const HIGH_CONCURRENCY = Number(process.env.BENCH_HIGH_CONCURRENCY ?? 50);
const SLICES = Number(process.env.BENCH_SLICES ?? (QUICK ? 2 : 5));
const SLICE_MS = (Number(process.env.BENCH_DURATION_S ?? (QUICK ? 2 : 15)) * 1000) / SLICES;
const SCALE_FACTOR = Number(process.env.BENCH_SCALE ?? (QUICK ? 2 : 10));
const EXPORT_PROJECTS = Number(process.env.BENCH_EXPORT_PROJECTS ?? (QUICK ? 4000 : 40_000));
const PASSWORD = 'bench-password-2026';
const SCALE = { counties: shared.COUNTIES.length, kommunerPerCounty: 24, regions: 80, projectsPerRegion: 5, advisers: 10 };
/** Adviser 9's regions (72–79) keep the national set's projects at every scale. */
const FIXED_ADVISER = SCALE.advisers - 1;
const isFixedRegion = (r) => r >= FIXED_ADVISER * 8 && r < FIXED_ADVISER * 8 + 8;
/** The issue's targets, at the ×10 scale: real/raw req/s, p95 by concurrency, peak RSS under the high concurrency. */
const TARGETS = { ratio: 0.8, p95Ms: { [CONCURRENCY]: 40, [HIGH_CONCURRENCY]: 150 }, peakRssMb: 250 };

// ---------------------------------------------------------------------------------------------
// Deterministic data

let rand = mulberry32(2026);
const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const weighted = (pairs) => {
  let x = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};

const today = shared.todayInOslo();
const addDays = shared.addDays;
const addMonths = (date, n) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, 28))).toISOString().slice(0, 10);
};
const min = (a, b) => (a < b ? a : b);
const ts = (date, hour = 12) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;

/**
 * Generates the national data set region by region and hands the rows to `flush` (which inserts and
 * empties the tables) after the directory and after each region, so the ×10 set never sits in memory
 * whole. `projectsIn(r)`: how many projects region r holds. The same seed every time.
 */
async function generate(passwordHash, projectsIn, flush) {
  rand = mulberry32(2026);
  const t = {
    kommune: [],
    kommune_population: [],
    region: [],
    region_membership: [],
    app_user: [],
    role_assignment: [],
    project: [],
    project_kommune: [],
    project_phase: [],
    deliverable: [],
    gate_checkpoint: [],
    gate_submission: [],
    gate_decision: [],
    status_report: [],
    comment: [],
    notification: [],
    history_event: [],
  };
  const user = (email, name) => {
    const id = randomUUID();
    t.app_user.push([id, email, name, passwordHash]);
    return { id, name };
  };
  const role = (userId, r, regionId = null, projectId = null) => t.role_assignment.push([randomUUID(), userId, r, regionId, projectId]);

  // Kommuner: 24 per county, numbered <county><10–33>.
  for (const c of shared.COUNTIES) {
    for (let j = 0; j < SCALE.kommunerPerCounty; j++) {
      const id = randomUUID();
      t.kommune.push([id, `${c.number}${String(10 + j).padStart(2, '0')}`, `${c.name} ${j + 1}`, c.name]);
      t.kommune_population.push([id, '2024-01-01', int(800, 60000)]);
    }
  }
  // Regions: consecutive kommuner, about 4.5 each (some span two counties, as Kongsbergregionen does).
  const regions = [];
  const perRegion = t.kommune.length / SCALE.regions;
  for (let r = 0; r < SCALE.regions; r++) {
    const id = randomUUID();
    const members = t.kommune.slice(Math.floor(r * perRegion), Math.floor((r + 1) * perRegion)).map((k) => k[0]);
    t.region.push([id, `Region ${String(r + 1).padStart(2, '0')}`, `Regionrådet ${r + 1}`]);
    for (const k of members) t.region_membership.push([randomUUID(), id, k, '2015-01-01']);
    regions.push({ id, name: `Region ${String(r + 1).padStart(2, '0')}`, members, council: [] });
  }
  // People: an admin, advisers for eight regions each, two regionråd members per region.
  const admin = user('admin@bench.no', 'Bench Administrator');
  role(admin.id, 'admin');
  for (let a = 0; a < SCALE.advisers; a++) {
    const adviser = user(`radgiver${a}@bench.no`, `Rådgiver ${a}`);
    for (let r = a * 8; r < a * 8 + 8 && r < regions.length; r++) role(adviser.id, 'adviser', regions[r].id);
  }
  for (const [r, region] of regions.entries()) {
    for (let i = 0; i < 2; i++) {
      const raad = user(`raad${r}-${i}@bench.no`, `Regionråd ${r}-${i}`);
      role(raad.id, 'regionraad', region.id);
      region.council.push(raad);
    }
  }

  await flush(t);

  // Projects (five per region in the national set) at every stage of the journey.
  let projectNo = 0;
  for (const [r, region] of regions.entries()) {
    // Seeded per region: a region's first five projects are the same at every scale.
    rand = mulberry32(2026 * 1000 + r);
    for (let p = 0; p < projectsIn(r); p++) {
      projectNo += 1;
      const id = randomUUID();
      const leader = user(`leder${projectNo}@bench.no`, `Prosjektleder ${projectNo}`);
      const members = [
        user(`medlem${projectNo}a@bench.no`, `Medlem ${projectNo}a`),
        user(`medlem${projectNo}b@bench.no`, `Medlem ${projectNo}b`),
      ];
      role(leader.id, 'project_leader', region.id, id);
      for (const m of members) role(m.id, 'project_member', region.id, id);
      const team = [leader, ...members];
      const raad = region.council[0];

      const stage = weighted([
        ['forstudie', 30],
        ['forprosjekt', 30],
        ['hovedprosjekt', 25],
        ['completed', 10],
        ['stopped', 5],
      ]);
      const status = stage === 'completed' ? 'completed' : stage === 'stopped' ? 'stopped' : 'active';
      const currentIndex = { forstudie: 0, forprosjekt: 1, hovedprosjekt: 2, completed: 3, stopped: int(0, 1) }[stage];
      // Phase lengths in months, then dates backwards from now (or from the end).
      const lengths = [int(5, 11), int(8, 14), int(20, 36)];
      const end = status === 'active' ? today : addMonths(today, -int(1, 18));
      const starts = [];
      const ends = [];
      let cursor =
        status === 'active' ? addMonths(today, -int(1, lengths[currentIndex])) : addMonths(end, -lengths[Math.min(currentIndex, 2)]);
      const last = Math.min(currentIndex, 2);
      starts[last] = cursor;
      ends[last] = status === 'active' ? null : end;
      for (let i = last - 1; i >= 0; i--) {
        ends[i] = cursor;
        cursor = addMonths(cursor, -lengths[i]);
        starts[i] = cursor;
      }
      const projectStart = starts[0];
      const name = `Næringsvennlig ${region.name} ${p + 1}`;
      t.project.push([id, region.id, name, `Benchmarkprosjekt ${projectNo}`, status, ts(projectStart)]);
      const participating = region.members.filter(() => rand() < 0.8);
      for (const k of participating.length ? participating : region.members) t.project_kommune.push([id, k]);
      const history = (at, actor, action, entityType, entityId, after) =>
        t.history_event.push([id, at, actor?.id ?? null, actor?.name ?? 'System', action, entityType, entityId, JSON.stringify(after)]);
      history(ts(projectStart, 8), raad, 'project.created', 'project', id, { name });

      for (const spec of shared.PHASES) {
        const i = spec.order - 1;
        const phaseId = randomUUID();
        const awaiting = status === 'active' && i === last && rand() < 0.12;
        const state =
          i < last || (i === last && status === 'completed')
            ? 'completed'
            : i === last && status === 'stopped'
              ? 'stopped'
              : i === last
                ? awaiting
                  ? 'awaiting_decision'
                  : 'in_progress'
                : 'not_started';
        const started = starts[i] ?? null;
        const plannedEnd = started ? addMonths(started, spec.recommendedMonths ? spec.recommendedMonths.max : 30) : null;
        t.project_phase.push([phaseId, id, spec.key, spec.order, state, started, plannedEnd, started, ends[i] ?? null]);
        if (started) history(ts(started, 9), raad, 'phase.started', 'phase', spec.key, { state: 'in_progress', actualStart: started });

        for (const d of spec.deliverables) {
          const deliverableId = randomUUID();
          const owner = pick(team);
          let dState = 'draft';
          let due = null;
          if (state === 'completed' || awaiting) dState = 'accepted';
          else if (state === 'in_progress' || state === 'stopped')
            dState = weighted([
              ['draft', 4],
              ['submitted', 2],
              ['returned', 1],
              ['accepted', 3],
            ]);
          if (started) due = addDays(started, int(30, 330));
          t.deliverable.push([deliverableId, phaseId, d.key, d.title.nb, d.required, dState, owner.id, due, `Innhold for ${d.title.nb}.`]);
          if (dState !== 'draft') {
            const at = ts(min(addDays(started, int(20, 200)), today), 10);
            history(at, owner, 'deliverable.updated', 'deliverable', deliverableId, { content: 'Oppdatert' });
            history(at, owner, 'deliverable.submitted', 'deliverable', deliverableId, { state: 'submitted' });
            if (dState === 'accepted' || dState === 'returned')
              history(at, raad, `deliverable.${dState}`, 'deliverable', deliverableId, { state: dState });
          }
          if (rand() < 0.15) {
            const commentId = randomUUID();
            t.comment.push([
              commentId,
              id,
              'deliverable',
              deliverableId,
              raad.id,
              `Kommentar til ${d.title.nb}.`,
              [],
              ts(min(addDays(started ?? today, 40), today), 11),
            ]);
            history(ts(min(addDays(started ?? today, 40), today), 11), raad, 'comment.added', 'comment', commentId, {
              targetType: 'deliverable',
            });
          }
        }
        if (state === 'completed' || state === 'stopped' || awaiting) {
          for (const c of spec.checkpoints) t.gate_checkpoint.push([phaseId, c.key, true, 'Behandlet', leader.id]);
          const submissionId = randomUUID();
          const submittedOn = awaiting ? addDays(today, -int(3, 40)) : addDays(ends[i], -14);
          t.gate_submission.push([
            submissionId,
            phaseId,
            leader.id,
            ts(submittedOn, 10),
            'Klar til behandling',
            JSON.stringify({ ready: true, items: [] }),
          ]);
          history(ts(submittedOn, 10), leader, 'gate.submitted', 'gate', spec.key, { state: 'awaiting_decision' });
          if (!awaiting) {
            const outcome = state === 'stopped' ? 'stopped' : rand() < 0.2 ? 'approved_with_conditions' : 'approved';
            t.gate_decision.push([
              randomUUID(),
              submissionId,
              phaseId,
              outcome,
              ends[i],
              `${int(1, 60)}/${ends[i].slice(2, 4)}`,
              'Regionrådet vedtar fasen.',
              outcome === 'approved_with_conditions' ? 'Vilkår.' : null,
              raad.id,
              ts(ends[i], 14),
            ]);
            history(ts(ends[i], 14), raad, `gate.${outcome}`, 'gate', spec.key, { outcome });
          }
        }
      }

      // Monthly status reports from the first month to last month (or the end), the latest maybe a draft.
      const lastPeriod = shared.previousPeriod(shared.periodOf(status === 'active' ? today : end));
      let period = shared.periodOf(projectStart);
      let previous = null;
      const colour = () =>
        weighted([
          ['green', 6],
          ['yellow', 3],
          ['red', 1],
        ]);
      const budget = int(5, 40) * 100000;
      let spent = 0;
      while (period <= lastPeriod) {
        const reportId = randomUUID();
        spent = Math.min(budget, spent + int(10000, 120000));
        const publishedOn = min(addDays(`${shared.nextPeriod(period)}-01`, int(1, 9)), today);
        const draft = status === 'active' && period === lastPeriod && rand() < 0.2;
        t.status_report.push([
          reportId,
          id,
          period,
          draft ? 'draft' : 'published',
          colour(),
          'Samlet vurdering.',
          colour(),
          'Fremdrift.',
          colour(),
          'Økonomi.',
          colour(),
          'Risiko.',
          budget,
          spent,
          Math.round(budget * (0.95 + rand() * 0.15)),
          'Neste steg.',
          previous,
          leader.id,
          ts(publishedOn, 9),
          draft ? null : leader.id,
          draft ? null : ts(publishedOn, 9),
        ]);
        if (!draft) history(ts(publishedOn, 9), leader, 'status_report.published', 'status_report', reportId, { period });
        if (!draft && rand() < 0.3) {
          const commentId = randomUUID();
          t.comment.push([
            commentId,
            id,
            'status_report',
            reportId,
            raad.id,
            `@leder${projectNo}@bench.no takk for rapporten.`,
            [leader.id],
            ts(publishedOn, 13),
          ]);
          t.notification.push([
            leader.id,
            'mention',
            id,
            'comment',
            commentId,
            '',
            `${raad.name} nevnte deg i en kommentar`,
            'Takk for rapporten.',
            `/prosjekter/${id}`,
            raad.id,
            ts(publishedOn, 13),
            rand() < 0.8 ? ts(publishedOn, 15) : null,
          ]);
        }
        previous = reportId;
        period = shared.nextPeriod(period);
      }
    }
    await flush(t);
  }
}
const COLUMNS = {
  kommune: [
    ['id', 'uuid'],
    ['number', 'text'],
    ['name', 'text'],
    ['county', 'text'],
  ],
  kommune_population: [
    ['kommune_id', 'uuid'],
    ['as_of', 'date'],
    ['population', 'int'],
  ],
  region: [
    ['id', 'uuid'],
    ['name', 'text'],
    ['council_name', 'text'],
  ],
  region_membership: [
    ['id', 'uuid'],
    ['region_id', 'uuid'],
    ['kommune_id', 'uuid'],
    ['valid_from', 'date'],
  ],
  app_user: [
    ['id', 'uuid'],
    ['email', 'text'],
    ['name', 'text'],
    ['password_hash', 'text'],
  ],
  project: [
    ['id', 'uuid'],
    ['region_id', 'uuid'],
    ['name', 'text'],
    ['description', 'text'],
    ['status', 'text'],
    ['created_at', 'timestamptz'],
  ],
  project_kommune: [
    ['project_id', 'uuid'],
    ['kommune_id', 'uuid'],
  ],
  role_assignment: [
    ['id', 'uuid'],
    ['user_id', 'uuid'],
    ['role', 'text'],
    ['region_id', 'uuid'],
    ['project_id', 'uuid'],
  ],
  project_phase: [
    ['id', 'uuid'],
    ['project_id', 'uuid'],
    ['phase_key', 'text'],
    ['position', 'smallint'],
    ['state', 'text'],
    ['planned_start', 'date'],
    ['planned_end', 'date'],
    ['actual_start', 'date'],
    ['actual_end', 'date'],
  ],
  deliverable: [
    ['id', 'uuid'],
    ['phase_id', 'uuid'],
    ['catalogue_key', 'text'],
    ['title', 'text'],
    ['required', 'boolean'],
    ['state', 'text'],
    ['owner_user_id', 'uuid'],
    ['due_date', 'date'],
    ['content', 'text'],
  ],
  gate_checkpoint: [
    ['phase_id', 'uuid'],
    ['checkpoint_key', 'text'],
    ['checked', 'boolean'],
    ['comment', 'text'],
    ['updated_by', 'uuid'],
  ],
  gate_submission: [
    ['id', 'uuid'],
    ['phase_id', 'uuid'],
    ['submitted_by', 'uuid'],
    ['submitted_at', 'timestamptz'],
    ['note', 'text'],
    ['readiness', 'jsonb'],
  ],
  gate_decision: [
    ['id', 'uuid'],
    ['submission_id', 'uuid'],
    ['phase_id', 'uuid'],
    ['outcome', 'text'],
    ['meeting_date', 'date'],
    ['case_number', 'text'],
    ['decision_text', 'text'],
    ['conditions', 'text'],
    ['decided_by', 'uuid'],
    ['decided_at', 'timestamptz'],
  ],
  status_report: [
    ['id', 'uuid'],
    ['project_id', 'uuid'],
    ['period', 'text'],
    ['state', 'text'],
    ['overall_colour', 'text'],
    ['overall_comment', 'text'],
    ['progress_colour', 'text'],
    ['progress_comment', 'text'],
    ['economy_colour', 'text'],
    ['economy_comment', 'text'],
    ['risk_colour', 'text'],
    ['risk_comment', 'text'],
    ['budget_total', 'bigint'],
    ['spent_to_date', 'bigint'],
    ['forecast', 'bigint'],
    ['next_steps', 'text'],
    ['copied_from_id', 'uuid'],
    ['created_by', 'uuid'],
    ['created_at', 'timestamptz'],
    ['published_by', 'uuid'],
    ['published_at', 'timestamptz'],
  ],
  comment: [
    ['id', 'uuid'],
    ['project_id', 'uuid'],
    ['target_type', 'text'],
    ['target_id', 'uuid'],
    ['author_id', 'uuid'],
    ['body', 'text'],
    ['mentioned_user_ids', 'text'],
    ['created_at', 'timestamptz'],
  ],
  notification: [
    ['recipient_id', 'uuid'],
    ['kind', 'text'],
    ['project_id', 'uuid'],
    ['target_type', 'text'],
    ['target_id', 'uuid'],
    ['period', 'text'],
    ['title', 'text'],
    ['body', 'text'],
    ['link', 'text'],
    ['actor_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['read_at', 'timestamptz'],
  ],
  history_event: [
    ['project_id', 'uuid'],
    ['at', 'timestamptz'],
    ['actor_id', 'uuid'],
    ['actor_name', 'text'],
    ['action', 'text'],
    ['entity_type', 'text'],
    ['entity_id', 'text'],
    ['after', 'jsonb'],
  ],
};

/** Inserts rows with one statement per 5 000 rows: unnest() of one array per column. */
async function bulkInsert(client, table, rows) {
  const cols = COLUMNS[table];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    const params = cols.map((_, c) => chunk.map((r) => (cols[c][0] === 'mentioned_user_ids' ? `{${r[c].join(',')}}` : r[c])));
    const select = cols.map(([name], c) => (name === 'mentioned_user_ids' ? `u${c}::uuid[]` : `u${c}`));
    await client.query(
      `INSERT INTO ${table} (${cols.map(([n]) => n).join(', ')})
       SELECT ${select.join(', ')} FROM unnest(${cols.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ')}) AS t(${cols.map((_, c) => `u${c}`).join(', ')})`,
      params,
    );
  }
}

/** Generates and inserts the full data set (projectsIn(r) projects in region r) in one transaction; answers the row counts. */
async function loadFull(url, passwordHash, projectsIn) {
  const counts = Object.fromEntries(Object.keys(COLUMNS).map((k) => [k, 0]));
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await generate(passwordHash, projectsIn, async (t) => {
      for (const table of Object.keys(COLUMNS)) {
        await bulkInsert(c, table, t[table]);
        counts[table] += t[table].length;
        t[table].length = 0;
      }
    });
    await c.query('COMMIT');
    await c.query('ANALYZE');
  });
  return counts;
}

/**
 * The export set: the directory and people of the national set without its projects, then `n` light
 * projects by SQL (round the regions; 85 % active, 10 % completed, 5 % stopped), their three phases
 * (the current one by a hash of the id), one kommune each and one leader for all of them.
 */
async function loadLight(url, passwordHash, n) {
  await loadFull(url, passwordHash, () => 0);
  const phases = shared.PHASES.map((p) => `('${p.key}', ${p.order})`).join(', ');
  return withClient(url, async (c) => {
    await c.query('BEGIN');
    await c.query(
      `INSERT INTO project (id, region_id, name, description, status, created_at)
       SELECT gen_random_uuid(), r.id, 'Eksportprosjekt ' || g, 'Benchmarkprosjekt for eksport',
              CASE WHEN g % 20 = 7 THEN 'stopped' WHEN g % 10 = 3 THEN 'completed' ELSE 'active' END,
              now() - (g % 1500) * interval '1 day'
         FROM generate_series(0, $1::int - 1) g
         JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM region) r ON r.n = g % (SELECT count(*) FROM region)`,
      [n],
    );
    await c.query(
      `INSERT INTO project_phase (project_id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end)
       SELECT p.id, k.key, k.pos,
              CASE WHEN p.status = 'completed' OR k.pos - 1 < h.cur THEN 'completed'
                   WHEN k.pos - 1 = h.cur THEN CASE WHEN p.status = 'stopped' THEN 'stopped' ELSE 'in_progress' END
                   ELSE 'not_started' END,
              CASE WHEN k.pos - 1 <= h.cur OR p.status = 'completed' THEN p.created_at::date + (k.pos - 1) * 200 END,
              CASE WHEN k.pos - 1 <= h.cur OR p.status = 'completed' THEN p.created_at::date + (k.pos - 1) * 200 + 330 END,
              CASE WHEN k.pos - 1 <= h.cur OR p.status = 'completed' THEN p.created_at::date + (k.pos - 1) * 200 END,
              CASE WHEN p.status = 'completed' OR k.pos - 1 < h.cur OR (k.pos - 1 = h.cur AND p.status = 'stopped')
                   THEN p.created_at::date + k.pos * 200 - 1 END
         FROM project p
        CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text)) % 3 AS cur) h
        CROSS JOIN (VALUES ${phases}) k(key, pos)`,
    );
    await c.query(
      `INSERT INTO project_kommune (project_id, kommune_id)
       SELECT p.id, (SELECT rm.kommune_id FROM region_membership rm WHERE rm.region_id = p.region_id ORDER BY rm.kommune_id LIMIT 1)
         FROM project p`,
    );
    const { rows } = await c.query(
      `INSERT INTO app_user (id, email, name, password_hash) VALUES (gen_random_uuid(), 'eksportleder@bench.no', 'Eksport Leder', $1) RETURNING id`,
      [passwordHash],
    );
    await c.query(
      `INSERT INTO role_assignment (id, user_id, role, region_id, project_id)
       SELECT gen_random_uuid(), $1, 'project_leader', p.region_id, p.id FROM project p`,
      [rows[0].id],
    );
    await c.query('COMMIT');
    await c.query('ANALYZE');
    const counts = {};
    for (const table of ['project', 'project_phase', 'project_kommune', 'role_assignment', 'region', 'kommune', 'app_user'])
      counts[table] = Number((await c.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    return counts;
  });
}

/** The regions an account follows, as the app's portfolioScope resolves them (null: an admin sees all). */
async function scopeOf(url, email) {
  return withClient(url, async (c) => {
    const { rows } = await c.query(
      `SELECT ra.role, ra.region_id FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE u.email = $1`,
      [email],
    );
    if (rows.some((r) => r.role === 'admin')) return null;
    return [...new Set(rows.filter((r) => ['adviser', 'regionraad'].includes(r.role) && r.region_id).map((r) => r.region_id))];
  });
}

// ---------------------------------------------------------------------------------------------
// The real server, HTTP, load

async function startServer(url) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...serverNodeArgs(), join(dist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: '',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await waitForHealth(base, child, 120_000);
  } catch (e) {
    console.error(stderr);
    child.kill('SIGKILL');
    throw e;
  }
  return {
    base,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** One GET; answers status and the whole body. */
function get(agent, base, path, headers) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The ids of a page's rows, as the app (`rows`, or the timeline's `projects`) or the raw server (`rows`) sends them. */
function idsOf(body) {
  const json = JSON.parse(body.toString('utf8'));
  return (json.rows ?? json.projects).map((r) => r.id);
}

/**
 * `concurrency` clients request `path` back to back on `target` for `ms`; answers the samples and the CPU
 * this process used meanwhile (the load generator's, plus the raw server's when it is the target). Each
 * burst has its own keep-alive connections: a connection left idle between slices could be closed by the
 * server (keep-alive timeout) just as it is reused, a client-side race that is no fault of either server.
 */
async function burst(target, path, concurrency, ms) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const cpuBefore = process.cpuUsage();
  const latencies = [];
  let errors = 0;
  let lastError = null;
  const started = performance.now();
  const deadline = started + ms;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await get(agent, target.base, path, target.headers);
          if (res.status === 200) latencies.push(performance.now() - t0);
          else {
            errors += 1;
            lastError = `${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
          }
        } catch (e) {
          errors += 1;
          lastError = e.message;
          await sleep(50);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return { latencies, errors, lastError, seconds, benchCpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Requests `path` one at a time, real and raw in turn, `n` times each: the latency without queueing (medians). */
async function serial(real, raw, path, n) {
  const agents = [new Agent({ keepAlive: true, maxSockets: 1 }), new Agent({ keepAlive: true, maxSockets: 1 })];
  const times = [[], []];
  for (let i = 0; i < n; i++) {
    for (const [k, t] of [real, raw].entries()) {
      const t0 = performance.now();
      const res = await get(agents[k], t.base, path, t.headers);
      if (res.status === 200) times[k].push(performance.now() - t0);
    }
  }
  for (const a of agents) a.destroy();
  const median = (xs) =>
    round(
      percentile(
        xs.sort((a, b) => a - b),
        50,
      ),
    );
  return { realMs: median(times[0]), rawMs: median(times[1]), requests: n };
}

/** Samples a process's RSS every 100 ms until stopped; answers the peak. */
function rssSampler(pid) {
  let peak = rssMb(pid) ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid) ?? 0);
    },
  };
}

/**
 * One scenario: the real server and the raw one, `path` at `concurrency`, in SLICES interleaved slices
 * of SLICE_MS each (real first in even slices, raw first in odd ones). Checks first that both answer
 * the same rows in the same order. CPU: the server process's and PostgreSQL's (postmaster and backends),
 * per request, each side's slices apart.
 */
async function compare(ctx, { name, user, path, target }, concurrency) {
  const real = { key: 'real', base: ctx.server.base, headers: { cookie: ctx.sessions[user] } };
  const raw = { key: 'raw', base: ctx.raw.base, headers: { 'x-bench-user': user } };
  const first = {};
  for (const t of [real, raw]) {
    const res = await get(undefined, t.base, path, t.headers);
    if (res.status !== 200) throw new Error(`${name}: ${t.key} answered ${res.status} ${res.body.toString().slice(0, 300)}`);
    first[t.key] = idsOf(res.body);
    await burst(t, path, concurrency, Math.min(1000, SLICE_MS)); // warm-up: connections, JIT, pool
  }
  const rows = first.real.length;
  const unloaded = concurrency === CONCURRENCY ? await serial(real, raw, path, QUICK ? 5 : 20) : null;
  const sameRows = rows > 0 && first.raw.slice(0, rows).join() === first.real.join();
  const samples = { real: [], raw: [] };
  const cpu = { real: { server: 0, pg: 0 }, raw: { server: null, pg: 0 } };
  const sampler = rssSampler(ctx.server.pid);
  for (let s = 0; s < SLICES; s++) {
    for (const t of s % 2 === 0 ? [real, raw] : [raw, real]) {
      const serverBefore = cpuSeconds(ctx.server.pid);
      const pgBefore = ctx.pgPid ? cpuSeconds(ctx.pgPid, { tree: true }) : null;
      const b = await burst(t, path, concurrency, SLICE_MS);
      b.loadAverage = loadavg()[0];
      samples[t.key].push(b);
      if (t.key === 'real' && serverBefore !== null) cpu.real.server += cpuSeconds(ctx.server.pid) - serverBefore;
      if (pgBefore !== null) cpu[t.key].pg += cpuSeconds(ctx.pgPid, { tree: true }) - pgBefore;
    }
  }
  const peakRssMb = sampler.stop();
  const side = (key) => {
    const all = samples[key].flatMap((b) => b.latencies).sort((a, b) => a - b);
    const seconds = samples[key].reduce((n, b) => n + b.seconds, 0);
    const errors = samples[key].reduce((n, b) => n + b.errors, 0);
    return {
      requests: all.length + errors,
      errors,
      lastError: samples[key].map((b) => b.lastError).find(Boolean) ?? null,
      seconds: round(seconds),
      requestsPerSecond: round(all.length / seconds),
      requestsPerSecondBySlice: samples[key].map((b) => round(b.latencies.length / b.seconds)),
      loadAverageBySlice: samples[key].map((b) => round(b.loadAverage, 2)),
      p50Ms: round(percentile(all, 50)),
      p95Ms: round(percentile(all, 95)),
      p99Ms: round(percentile(all, 99)),
      maxMs: round(all[all.length - 1]),
      serverCpuMsPerRequest: cpu[key].server === null ? null : round((cpu[key].server * 1000) / all.length, 2),
      benchProcessCpuMsPerRequest: round((samples[key].reduce((n, b) => n + b.benchCpuSeconds, 0) * 1000) / all.length, 2),
      postgresCpuMsPerRequest: ctx.pgPid ? round((cpu[key].pg * 1000) / all.length, 2) : null,
    };
  };
  const r = { real: side('real'), raw: side('raw') };
  // The bench process runs the load generator on both sides and the raw server on the raw side: its CPU
  // per request on the raw side less that on the real side estimates the raw server's own.
  r.raw.serverCpuMsPerRequest = round(r.raw.benchProcessCpuMsPerRequest - r.real.benchProcessCpuMsPerRequest, 2);
  const result = {
    name,
    path,
    user,
    concurrency,
    rows,
    sameRows,
    slices: SLICES,
    sliceSeconds: SLICE_MS / 1000,
    real: r.real,
    raw: r.raw,
    unloaded,
    ratio: round(r.real.requestsPerSecond / r.raw.requestsPerSecond, 2),
    p95Ratio: round(r.real.p95Ms / r.raw.p95Ms, 2),
    peakRssMb,
  };
  if (target) result.targets = targetCheck(result);
  return result;
}

/** Which of the issue's targets a result misses (only the scenarios the targets are about). */
function targetCheck(r) {
  const misses = [];
  if (!(r.ratio >= TARGETS.ratio)) misses.push(`ratio<${TARGETS.ratio}`);
  const p95 = TARGETS.p95Ms[r.concurrency];
  if (p95 !== undefined && !(r.real.p95Ms <= p95)) misses.push(`p95>${p95}`);
  if (r.concurrency === HIGH_CONCURRENCY && !(r.peakRssMb <= TARGETS.peakRssMb)) misses.push(`rss>${TARGETS.peakRssMb}`);
  return { ratio: TARGETS.ratio, p95Ms: p95 ?? null, peakRssMb: r.concurrency === HIGH_CONCURRENCY ? TARGETS.peakRssMb : null, misses };
}

/** One export through the real server, read as it streams: time, bytes, CSV lines, RSS before and at peak. */
async function exportOnce(server, cookie, format) {
  const before = rssMb(server.pid);
  const sampler = rssSampler(server.pid);
  const t0 = performance.now();
  let bytes = 0;
  let newlines = 0;
  let firstByteMs = null;
  const status = await new Promise((resolve, reject) => {
    const req = httpRequest(`${server.base}/api/portfolio/export?format=${format}`, { headers: { cookie } }, (res) => {
      res.on('data', (c) => {
        firstByteMs ??= performance.now() - t0;
        bytes += c.length;
        if (format === 'csv') for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) newlines += 1;
      });
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
  const seconds = (performance.now() - t0) / 1000;
  const peakRssMb = sampler.stop();
  return {
    format,
    status,
    bytes,
    rows: format === 'csv' ? newlines - 1 : null,
    seconds: round(seconds, 2),
    firstByteMs: round(firstByteMs),
    rssBeforeMb: before,
    peakRssMb,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

function scaleTable(results) {
  const t = (r) => (r.targets ? (r.targets.misses.length ? `MISS ${r.targets.misses.join(' ')}` : 'ok') : '');
  return formatTable(
    [
      ['scenario', (r) => r.name],
      ['clients', (r) => r.concurrency],
      ['rows', (r) => `${r.rows}${r.sameRows ? '' : '≠'}`],
      ['real req/s', (r) => r.real.requestsPerSecond],
      ['raw req/s', (r) => r.raw.requestsPerSecond],
      ['ratio', (r) => r.ratio],
      ['real @1', (r) => r.unloaded?.realMs ?? ''],
      ['raw @1', (r) => r.unloaded?.rawMs ?? ''],
      ['real p50', (r) => r.real.p50Ms],
      ['raw p50', (r) => r.raw.p50Ms],
      ['real p95', (r) => r.real.p95Ms],
      ['raw p95', (r) => r.raw.p95Ms],
      ['p95 ratio', (r) => r.p95Ratio],
      ['node ms/req real', (r) => r.real.serverCpuMsPerRequest],
      ['node ms/req raw', (r) => r.raw.serverCpuMsPerRequest],
      ['client ms/req', (r) => r.real.benchProcessCpuMsPerRequest],
      ['pg ms/req real', (r) => r.real.postgresCpuMsPerRequest],
      ['pg ms/req raw', (r) => r.raw.postgresCpuMsPerRequest],
      ['peak RSS MB', (r) => r.peakRssMb],
      ['errors', (r) => r.real.errors + r.raw.errors],
      ['targets', t],
    ],
    results,
  );
}

function exportTable(rows) {
  return formatTable(
    [
      ['data set', (r) => r.dataset],
      ['projects', (r) => r.projects],
      ['format', (r) => r.format],
      ['status', (r) => r.status],
      ['rows', (r) => r.rows ?? ''],
      ['bytes', (r) => r.bytes],
      ['seconds', (r) => r.seconds],
      ['first byte ms', (r) => r.firstByteMs],
      ['idle RSS MB', (r) => r.idleRssMb],
      ['RSS before MB', (r) => r.rssBeforeMb],
      ['peak RSS MB', (r) => r.peakRssMb],
      ['peak − idle MB', (r) => r.peakRssMb - r.idleRssMb],
    ],
    rows,
  );
}

// ---------------------------------------------------------------------------------------------

/** Projects per region at `factor` times the national set: adviser 9's regions keep 5, the others share the rest. */
function projectsPerRegion(factor) {
  const fixed = 8 * SCALE.projectsPerRegion;
  const others = SCALE.regions * SCALE.projectsPerRegion * factor - fixed;
  const base = Math.floor(others / (SCALE.regions - 8));
  const extra = others % (SCALE.regions - 8);
  return (r) => {
    if (isFixedRegion(r)) return SCALE.projectsPerRegion;
    const i = r < FIXED_ADVISER * 8 ? r : r - 8;
    return base + (i < extra ? 1 : 0);
  };
}

async function main() {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(dist, 'database/data-source-options.js'));
  const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
  const { hashPassword } = require(join(dist, 'auth/passwords.js'));
  const poolMax = dataSourceOptions('postgres://bench@127.0.0.1/bench').extra.max;

  let embedded = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log('Starting an embedded PostgreSQL (.data/pg-bench)…');
    embedded = await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'pg-bench'),
      port: Number(process.env.BENCH_PG_PORT ?? 54349),
      database: 'postgres',
      quiet: true,
    });
    adminUrl = embedded.url;
  }
  const prefix = `nvr_bench_${process.pid}`;
  const template = `${prefix}_template`;
  const databases = [];
  const cleanups = [];
  const createDb = async (name) => {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    });
    databases.push(name);
    return withDatabase(adminUrl, name);
  };
  const ctx = { pgPid: embedded?.pid ?? null };
  const out = {
    benchmark: 'portfolio',
    at: new Date().toISOString(),
    knobs: {
      quick: QUICK,
      concurrency: [CONCURRENCY, HIGH_CONCURRENCY],
      slices: SLICES,
      sliceSeconds: SLICE_MS / 1000,
      scaleFactor: SCALE_FACTOR,
      exportProjects: EXPORT_PROJECTS,
      poolMax,
    },
    targets: { atScale: SCALE_FACTOR, ...TARGETS },
    datasets: [],
    scales: [],
    exports: [],
  };
  try {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${template}"`);
    });
    databases.push(template);
    const ds = await new DataSource(dataSourceOptions(withDatabase(adminUrl, template))).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    const passwordHash = await hashPassword(PASSWORD);
    console.log(
      `Real vs raw: ${SLICES} interleaved slices of ${SLICE_MS / 1000} s per side, ${CONCURRENCY} and ${HIGH_CONCURRENCY} connections, pool ${poolMax}, loopback only`,
    );

    const scales = [
      { key: 'national', factor: 1, targets: false },
      { key: `x${SCALE_FACTOR}`, factor: SCALE_FACTOR, targets: true, exports: true },
    ];
    for (const scale of scales) {
      const url = await createDb(`${prefix}_${scale.key}`);
      const t0 = performance.now();
      const counts = await loadFull(url, passwordHash, projectsPerRegion(scale.factor));
      const loadSeconds = round((performance.now() - t0) / 1000);
      console.log(`\n[${scale.key}] loaded ${counts.project} projects in ${loadSeconds} s:`, counts);

      const server = await startServer(url);
      cleanups.push(server.stop);
      const emails = {
        admin: 'admin@bench.no',
        adviser0: 'radgiver0@bench.no',
        [`adviser${FIXED_ADVISER}`]: `radgiver${FIXED_ADVISER}@bench.no`,
      };
      const sessions = {};
      const scopes = {};
      for (const [key, email] of Object.entries(emails)) {
        sessions[key] = (await signIn(server.base, email, PASSWORD)).cookie;
        scopes[key] = await scopeOf(url, email);
      }
      const idleRssMb = rssMb(server.pid);
      const raw = await startRaw(url, poolMax, scopes);
      cleanups.push(raw.close);
      Object.assign(ctx, { server, raw, sessions });
      const projectsOf = async (key) =>
        withClient(url, async (c) =>
          Number(
            (await c.query(`SELECT count(*) AS n FROM project WHERE $1::uuid[] IS NULL OR region_id = ANY($1::uuid[])`, [scopes[key]]))
              .rows[0].n,
          ),
        );
      const adviserProjects = { adviser0: await projectsOf('adviser0'), fixed: await projectsOf(`adviser${FIXED_ADVISER}`) };

      // Page 3: follow nextCursor twice through the app.
      let page3 = '/api/portfolio';
      for (let i = 0; i < 2; i++) {
        const res = await get(undefined, server.base, page3, { cookie: sessions.admin });
        const next = JSON.parse(res.body.toString('utf8')).nextCursor;
        if (!next) throw new Error(`No page ${i + 2} at ${scale.key}`);
        page3 = `/api/portfolio?after=${encodeURIComponent(next)}`;
      }

      const scenarios = [
        { name: 'admin, first page (name)', user: 'admin', path: '/api/portfolio', target: scale.targets },
        {
          name: `adviser 0 (${adviserProjects.adviser0} proj.), monthsInPhase desc`,
          user: 'adviser0',
          path: '/api/portfolio?sort=monthsInPhase&order=desc',
          target: scale.targets,
        },
        {
          name: `adviser ${FIXED_ADVISER} (${adviserProjects.fixed} proj.), monthsInPhase desc`,
          user: `adviser${FIXED_ADVISER}`,
          path: '/api/portfolio?sort=monthsInPhase&order=desc',
          target: scale.targets,
        },
        { name: 'admin, page 3 (name)', user: 'admin', path: page3 },
        { name: 'admin, timeline first page', user: 'admin', path: '/api/portfolio/timeline' },
      ];
      const results = [];
      for (const concurrency of [CONCURRENCY, HIGH_CONCURRENCY]) {
        for (const s of scenarios) {
          const r = await compare(ctx, s, concurrency);
          results.push(r);
          console.log(
            `  ${r.name} @${concurrency}: real ${r.real.requestsPerSecond} req/s p95 ${r.real.p95Ms} ms, raw ${r.raw.requestsPerSecond} req/s p95 ${r.raw.p95Ms} ms, ratio ${r.ratio}, RSS ${r.peakRssMb} MB${r.sameRows ? '' : ' (ROWS DIFFER)'}`,
          );
        }
      }
      const dataset = { key: scale.key, projects: counts.project, loadSeconds, counts, idleRssMb, adviserProjects };
      out.datasets.push(dataset);
      out.scales.push({ key: scale.key, projects: counts.project, idleRssMb, results });

      if (scale.exports) {
        for (const format of ['csv', 'xlsx']) {
          const e = await exportOnce(server, sessions.admin, format);
          out.exports.push({ dataset: scale.key, projects: counts.project, idleRssMb, underLoad: false, ...e });
          console.log(`  export ${format}: ${e.bytes} bytes in ${e.seconds} s, peak RSS ${e.peakRssMb} MB`);
        }
      }
      await raw.close();
      await server.stop();
    }

    // The export set: many light projects, one CSV and one XLSX export (BENCH_EXPORT_PROJECTS=0 skips it).
    if (EXPORT_PROJECTS > 0) {
      const key = `export${EXPORT_PROJECTS}`;
      const url = await createDb(`${prefix}_${key}`);
      const t0 = performance.now();
      const counts = await loadLight(url, passwordHash, EXPORT_PROJECTS);
      const loadSeconds = round((performance.now() - t0) / 1000);
      console.log(`\n[${key}] loaded ${counts.project} light projects in ${loadSeconds} s:`, counts);
      const server = await startServer(url);
      cleanups.push(server.stop);
      const admin = (await signIn(server.base, 'admin@bench.no', PASSWORD)).cookie;
      const idleRssMb = rssMb(server.pid);
      out.datasets.push({ key, projects: counts.project, loadSeconds, counts, idleRssMb });
      for (const format of ['csv', 'xlsx']) {
        const e = await exportOnce(server, admin, format);
        out.exports.push({ dataset: key, projects: counts.project, idleRssMb, underLoad: false, ...e });
        console.log(`  export ${format}: ${e.bytes} bytes in ${e.seconds} s, peak RSS ${e.peakRssMb} MB (idle ${idleRssMb} MB)`);
      }
      await server.stop();
    }

    const pg = await withClient(adminUrl, async (c) => {
      const setting = async (name) => (await c.query(`SELECT current_setting($1) AS v`, [name])).rows[0].v;
      return {
        version: await setting('server_version'),
        sharedBuffers: await setting('shared_buffers'),
        workMem: await setting('work_mem'),
        maxConnections: await setting('max_connections'),
      };
    });
    out.machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
      postgres: pg,
      loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/portfolio.json'), JSON.stringify(out, null, 2) + '\n');

    const m = out.machine;
    console.log(
      `\nMachine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${pg.version} (shared_buffers ${pg.sharedBuffers}); ` +
        `real and raw share it with the load generator; ${SLICES} × ${SLICE_MS / 1000} s per side, interleaved`,
    );
    for (const s of out.scales) {
      const d = out.datasets.find((x) => x.key === s.key);
      console.log(
        `\nPortfolio, ${s.key}: ${d.projects} projects, ${d.counts.status_report} status reports, ${d.counts.history_event} history events (loaded in ${d.loadSeconds} s); server idle RSS ${s.idleRssMb} MB`,
      );
      console.log(scaleTable(s.results));
    }
    console.log(
      `\nTargets at x${SCALE_FACTOR} (admin first page, advisers): real/raw ≥ ${TARGETS.ratio}, p95 ≤ ${TARGETS.p95Ms[CONCURRENCY]} ms at ${CONCURRENCY} and ≤ ${TARGETS.p95Ms[HIGH_CONCURRENCY]} ms at ${HIGH_CONCURRENCY}, peak RSS ≤ ${TARGETS.peakRssMb} MB at ${HIGH_CONCURRENCY}. ` +
        `"rows ≠": the raw server's rows differ from the app's.`,
    );
    console.log(`\nExports (one at a time, not under load)`);
    console.log(exportTable(out.exports));
    console.log('\nWrote bench/results/portfolio.json');
    const failed =
      out.scales.some((s) => s.results.some((r) => r.real.errors + r.raw.errors > 0 || !r.sameRows)) ||
      out.exports.some((e) => e.status !== 200 || (e.rows !== null && e.rows !== e.projects));
    if (failed) {
      console.error('Some requests failed, an export was incomplete, or the raw rows differ from the app’s (see the JSON).');
      process.exitCode = 1;
    }
  } finally {
    for (const stop of cleanups.reverse()) await stop().catch(() => undefined);
    if (process.env.BENCH_KEEP_DB) console.log(`Kept the databases ${databases.join(', ')} (BENCH_KEEP_DB)`);
    else
      for (const name of databases.reverse())
        await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch((e) =>
          console.warn(`Could not drop ${name}: ${e.message}`),
        );
    await embedded?.stop();
  }
}

if (isMainThread) {
  stopAfter(QUICK ? 15 : 60);
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
