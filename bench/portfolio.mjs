// Benchmark: the adviser's portfolio (GET /api/portfolio) at national scale.
//
// Loads about 360 kommuner, 80 regions and 400 projects with their full history (phases, deliverables,
// gate submissions and decisions, monthly status reports, comments, notifications, history events)
// into a fresh database, starts the built server (server/dist) against it, signs in as an admin and an
// adviser, and measures latency under concurrent load from this machine's loopback only: p50/p95/p99,
// requests per second, and the server process's memory (RSS). Prints a table and writes
// bench/results/portfolio.json.
//
// Run through `npm run bench` (which builds first). Database: DATABASE_URL's server (a new database
// is created and dropped), else an embedded PostgreSQL in .data/pg-bench.
// Knobs: BENCH_CONCURRENCY (10), BENCH_DURATION_S (20 per scenario), BENCH_PG_PORT (54349), BENCH_KEEP_DB=1
// (keep the database afterwards, to look at query plans).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { freePort, mulberry32, rssMb, stopAfter, withClient, withDatabase } from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'server/dist/server/src');
if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const { DataSource } = require('typeorm');
const shared = require(join(root, 'shared/dist/index.js'));
const { dataSourceOptions } = require(join(dist, 'database/data-source-options.js'));
const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
const { hashPassword } = require(join(dist, 'auth/passwords.js'));

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 20) * 1000;
const MAX_REQUESTS = 200_000; // a bound on each scenario, whatever the duration
const PASSWORD = 'bench-password-2026';
const SCALE = { counties: shared.COUNTIES.length, kommunerPerCounty: 24, regions: 80, projectsPerRegion: 5, advisers: 10 };

stopAfter(10);

// ---------------------------------------------------------------------------------------------
// Deterministic data

const rand = mulberry32(2026);
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

function generate(passwordHash) {
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
    regions.push({ id, members, council: [] });
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

  // Projects, five per region, at every stage of the journey.
  let projectNo = 0;
  for (const region of regions) {
    for (let p = 0; p < SCALE.projectsPerRegion; p++) {
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
      const name = `Næringsvennlig ${t.region[regions.indexOf(region)][1]} ${p + 1}`;
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
  }
  return t;
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

/** Inserts rows with one statement per 2 000 rows: unnest() of one array per column. */
async function bulkInsert(client, table, rows) {
  const cols = COLUMNS[table];
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    const params = cols.map((_, c) => chunk.map((r) => (cols[c][0] === 'mentioned_user_ids' ? `{${r[c].join(',')}}` : r[c])));
    const select = cols.map(([name], c) => (name === 'mentioned_user_ids' ? `u${c}::uuid[]` : `u${c}`));
    await client.query(
      `INSERT INTO ${table} (${cols.map(([n]) => n).join(', ')})
       SELECT ${select.join(', ')} FROM unnest(${cols.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ')}) AS t(${cols.map((_, c) => `u${c}`).join(', ')})`,
      params,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Database, server, load

async function waitForHealth(base, server) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('The server did not answer /api/health within 60 s');
}

async function signIn(base, email) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** `concurrency` clients request `path` back to back for `durationMs` (at most MAX_REQUESTS in all). */
async function load(name, base, path, cookie, pid, { concurrency = CONCURRENCY, durationMs = DURATION_MS } = {}) {
  const latencies = [];
  let errors = 0;
  let rows = null;
  let issued = 0;
  let peakRss = rssMb(pid) ?? 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) ?? 0)), 200);
  for (let i = 0; i < 20; i++) await (await fetch(base + path, { headers: { cookie } })).arrayBuffer(); // warm-up
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && issued < MAX_REQUESTS) {
      issued += 1;
      const t0 = performance.now();
      const res = await fetch(base + path, { headers: { cookie } });
      const body = await res.text();
      const dt = performance.now() - t0;
      if (res.status !== 200) errors += 1;
      else {
        latencies.push(dt);
        if (rows === null)
          rows = res.headers.get('content-type')?.startsWith('application/json')
            ? (JSON.parse(body).rows ?? JSON.parse(body).projects).length
            : body.split('\r\n').length - 2;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    name,
    path,
    rows,
    concurrency,
    seconds: round(seconds),
    requests: latencies.length + errors,
    errors,
    requestsPerSecond: round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    peakRssMb: peakRss,
  };
}

function table(results) {
  const cols = [
    ['scenario', (r) => r.name],
    ['rows', (r) => r.rows],
    ['clients', (r) => r.concurrency],
    ['requests', (r) => r.requests],
    ['req/s', (r) => r.requestsPerSecond],
    ['p50 ms', (r) => r.p50Ms],
    ['p95 ms', (r) => r.p95Ms],
    ['p99 ms', (r) => r.p99Ms],
    ['max ms', (r) => r.maxMs],
    ['errors', (r) => r.errors],
    ['peak RSS MB', (r) => r.peakRssMb],
  ];
  const cells = results.map((r) => cols.map(([, f]) => String(f(r) ?? '')));
  const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(cols.map(([h]) => h)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main() {
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
  const dbName = `nvr_bench_${process.pid}`;
  const url = withDatabase(adminUrl, dbName);
  let server = null;
  try {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${dbName}"`);
    });
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();

    console.log('Generating and loading the national data set…');
    const t0 = performance.now();
    const data = generate(await hashPassword(PASSWORD));
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      for (const table of Object.keys(COLUMNS)) await bulkInsert(c, table, data[table]);
      await c.query('COMMIT');
      await c.query('ANALYZE');
    });
    const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
    console.log(`Loaded in ${round((performance.now() - t0) / 1000)} s:`, counts);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [join(dist, 'main.js')], {
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
    server.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    try {
      await waitForHealth(base, server);
    } catch (e) {
      console.error(stderr);
      throw e;
    }
    const idleRss = rssMb(server.pid);
    const admin = await signIn(base, 'admin@bench.no');
    const adviser = await signIn(base, 'radgiver0@bench.no');

    console.log(`Measuring: ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s per scenario, loopback only…`);
    const results = [];
    results.push(await load('portfolio, admin (all projects)', base, '/api/portfolio', admin, server.pid));
    results.push(await load('portfolio, adviser (8 regions)', base, '/api/portfolio?sort=monthsInPhase&order=desc', adviser, server.pid));
    results.push(
      await load('timeline, admin', base, '/api/portfolio/timeline', admin, server.pid, { durationMs: Math.min(DURATION_MS, 10_000) }),
    );
    results.push(
      await load('CSV export, admin', base, '/api/portfolio/export?format=csv', admin, server.pid, {
        durationMs: Math.min(DURATION_MS, 10_000),
      }),
    );

    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
      database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
    };
    const pgVersion = await withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version);
    const out = {
      benchmark: 'portfolio',
      at: new Date().toISOString(),
      machine: { ...machine, postgres: pgVersion },
      dataset: counts,
      server: { idleRssMb: idleRss },
      results,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/portfolio.json'), JSON.stringify(out, null, 2) + '\n');

    console.log(
      `\nPortfolio at national scale: ${counts.project} projects, ${counts.kommune} kommuner, ${counts.region} regions, ${counts.status_report} status reports, ${counts.history_event} history events`,
    );
    console.log(
      `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${pgVersion}; server RSS idle ${idleRss} MB\n`,
    );
    console.log(table(results));
    console.log('\nWrote bench/results/portfolio.json');
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    if (process.env.BENCH_KEEP_DB) console.log(`Kept the database ${dbName} (BENCH_KEEP_DB)`);
    else
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
        console.warn(`Could not drop ${dbName}: ${e.message}`),
      );
    await embedded?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
