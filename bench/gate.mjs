// Benchmark: gate decisions (issue #13: a decision in ≤ 10 statements, p95 ≤ 60 ms at 10 connections).
//
// N fresh projects are made through the API (the regionråd of Kongsbergregionen starts each, the demo project
// leader writes the forprosjekt's plan and budget, writes and submits the forstudie's deliverables, which the
// regionråd accepts, ticks the checkpoints and submits the forstudie). Then the regionråd records one decision
// per project, approved with two conditions, from BENCH_GATE_CONNECTIONS (10) connections at once:
// POST /api/projects/:id/phases/forstudie/gate/decision. Reports decisions per second, p50/p95/p99 latency and the
// SQL statements each decision ran (the X-Statement-Count header, answered outside production: the server
// runs with NODE_ENV=benchmark), and checks that every decision was stored once.
//
// The server is the built one (server/dist) on a fresh database with the demo data, loopback only.
// Run through `npm run bench` (which builds first), or alone: BENCH_ONLY=gate npm run bench.
// Database: DATABASE_URL's server (a new database is created and dropped), else an embedded PostgreSQL in
// .data/pg-bench-gate. Knobs: BENCH_GATE_DECISIONS (150), BENCH_GATE_CONNECTIONS (10), BENCH_GATE_PG_PORT
// (54353), BENCH_KEEP_DB=1, BENCH_SERVER_DIST (another build's server/dist/server/src, to compare before and
// after a change), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpuSeconds, openBenchDatabase, percentile, rssMb, signIn, startBuiltServer, stopAfter, stopServer } from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = process.env.BENCH_SERVER_DIST ?? join(root, 'server/dist/server/src');
if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const { Client } = require('pg');
const { startEmbeddedPostgres } = require(join(root, 'server/dist/server/src/database/embedded-postgres.js'));
const { DEMO_PASSWORD } = require(join(root, 'server/dist/server/src/database/seed/demo-data.js'));

const DECISIONS = Number(process.env.BENCH_GATE_DECISIONS ?? 150);
const CONNECTIONS = Number(process.env.BENCH_GATE_CONNECTIONS ?? 10);
const WARM_UP = Math.min(10, Math.max(1, Math.floor(DECISIONS / 10)));
const SETUP_CONNECTIONS = 4;
const REGIONRAAD = 'regionrad@demo.no';
const LEADER = 'prosjektleder@demo.no';
const REGION = 'Kongsbergregionen';
const TARGET = { statements: 10, p95Ms: 60 };

stopAfter(15);

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const todayInOslo = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());

/** One API call as a signed-in person; answers status, body and the statements the server ran for it. */
async function api(base, session, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: {
      cookie: session.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const statements = res.headers.get('x-statement-count');
  return { status: res.status, body: text ? JSON.parse(text) : null, statements: statements === null ? null : Number(statements) };
}

async function must(base, session, method, path, body, status = method === 'POST' && path.endsWith('/projects') ? 201 : 200) {
  const res = await api(base, session, method, path, body);
  if (res.status !== status) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
}

/** A filled value for a plan field of each kind (as server/test/support/plp.ts fills plans). */
function sampleValue(kind, kommuneIds) {
  switch (kind) {
    case 'list':
      return ['Punkt'];
    case 'subgoals':
      return [{ title: 'Delmål', activities: ['Aktivitet'] }];
    case 'kommune_resources':
      return kommuneIds.map((id) => ({ kommuneId: id, kommuneName: 'Kommune', percent: 10 }));
    case 'milestones':
      return [{ title: 'Milepæl', date: '2027-03-01' }];
    case 'roles':
      return [{ role: 'Prosjektleder', name: 'Pia Prosjektleder' }];
    default:
      return 'Tekst for planen';
  }
}

/** A project whose forstudie waits at its gate; answers the project and its pending submission. */
async function submittedProject(base, raad, leader, setup, i) {
  const project = await must(base, raad, 'POST', '/api/projects', {
    regionId: setup.regionId,
    name: `Benchmark ${process.pid}-${i}`,
    kommuneIds: setup.kommuneIds,
    leaderUserId: setup.leaderId,
    forstudie: { plannedStart: '2026-01-01', plannedEnd: '2026-09-30' },
  });
  const url = `/api/projects/${project.id}`;
  const plan = await must(base, leader, 'GET', `${url}/phases/forprosjekt/plan`);
  const content = {};
  for (const section of plan.template.sections) {
    for (const field of section.fields.filter((x) => x.required)) {
      (content[section.key] ??= {})[field.key] = sampleValue(field.kind, setup.kommuneIds);
    }
  }
  await must(base, leader, 'PATCH', `${url}/phases/forprosjekt/plan`, { version: plan.version, content });
  const phase = (await must(base, leader, 'GET', url)).phases.find((p) => p.key === 'forstudie');
  for (const d of phase.deliverables.filter((x) => x.required && x.state !== 'accepted')) {
    await must(base, leader, 'PATCH', `${url}/deliverables/${d.id}`, { content: `Innhold for ${d.title}`, version: d.version });
    await must(base, leader, 'POST', `${url}/deliverables/${d.id}/submit`, {});
    await must(base, raad, 'POST', `${url}/deliverables/${d.id}/review`, { outcome: 'accepted' });
  }
  const budgetPlan = await must(base, leader, 'GET', `${url}/phases/forprosjekt/plan`);
  await must(base, leader, 'PUT', `${url}/phases/forprosjekt/plan/budget`, {
    version: budgetPlan.version,
    lines: [
      { kind: 'cost', category: 'project_management', year: 2027, amount: 400000 },
      { kind: 'financing', category: 'innovasjon_norge', year: 2027, amount: 200000 },
      { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 200000 },
    ],
  });
  const gate = await must(base, leader, 'GET', `${url}/phases/forstudie/gate`);
  for (const c of gate.checkpoints) {
    await must(base, leader, 'PUT', `${url}/phases/forstudie/gate/checkpoints/${c.key}`, { checked: true, comment: 'OK' });
  }
  const submitted = await must(base, leader, 'POST', `${url}/phases/forstudie/gate/submission`, { note: 'Klar til behandling' });
  return { projectId: project.id, submissionId: submitted.pendingSubmissionId };
}

/** Runs `work(item)` over `items` from `connections` workers at once. */
async function pool(items, connections, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(connections, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function decisionBody(p, leaderId) {
  return {
    submissionId: p.submissionId,
    outcome: 'approved_with_conditions',
    meetingDate: todayInOslo(),
    caseNumber: '12/26',
    decisionText: 'Regionrådet godkjenner fasen og vedtar oppstart av neste fase.',
    conditionItems: [{ text: 'Fylkeskommunen bekrefter medfinansieringen.', ownerUserId: leaderId }, { text: 'Styringsgruppen utvides.' }],
  };
}

/** Records one decision per project from `connections` connections; answers the measurements. */
async function decide(base, raad, projects, leaderId, serverPid, connections) {
  const latencies = [];
  const statements = [];
  const statuses = {};
  const cpu0 = cpuSeconds(serverPid);
  const t0 = performance.now();
  await pool(projects, connections, async (p) => {
    const started = performance.now();
    const res = await api(base, raad, 'POST', `/api/projects/${p.projectId}/phases/forstudie/gate/decision`, decisionBody(p, leaderId));
    latencies.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.statements !== null) statements.push(res.statements);
    if (res.status !== 200 && Object.keys(statuses).length === 1)
      console.error(`A decision answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(serverPid);
  latencies.sort((a, b) => a - b);
  statements.sort((a, b) => a - b);
  return {
    decisions: projects.length,
    connections,
    seconds: round(seconds, 2),
    decisionsPerSecond: round(projects.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1] ?? NaN),
    serverCpuMsPerDecision: cpu0 !== null && cpu1 !== null ? round(((cpu1 - cpu0) * 1000) / projects.length) : null,
    statementsPerDecision: statements.length
      ? { min: statements[0], median: percentile(statements, 50), max: statements[statements.length - 1] }
      : null,
    statuses,
  };
}

async function main() {
  const bench = await openBenchDatabase({
    name: 'gate',
    startEmbeddedPostgres,
    dataDir: join(root, '.data', 'pg-bench-gate'),
    port: Number(process.env.BENCH_GATE_PG_PORT ?? 54353),
  });
  const { url, embedded } = bench;
  let server = null;
  try {
    console.log(`Starting the server (${dist}; migrations and demo data)…`);
    let base;
    // Not 'production', so that every answer says how many statements it ran (X-Statement-Count).
    ({ server, base } = await startBuiltServer({ dist, cwd: root, url, env: { NODE_ENV: 'benchmark', LOG_LEVEL: 'warn' } }));
    const raad = await signIn(base, REGIONRAAD, DEMO_PASSWORD);
    const leader = await signIn(base, LEADER, DEMO_PASSWORD);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const region = (await db.query('SELECT id FROM region WHERE name = $1', [REGION])).rows[0];
      const kommuneIds = (
        await db.query(`SELECT kommune_id FROM region_membership WHERE region_id = $1 AND valid_to IS NULL ORDER BY kommune_id LIMIT 2`, [
          region.id,
        ])
      ).rows.map((r) => r.kommune_id);
      const leaderId = (await db.query('SELECT id FROM app_user WHERE lower(email) = $1', [LEADER])).rows[0].id;
      const setup = { regionId: region.id, kommuneIds, leaderId };

      console.log(`Making ${DECISIONS + WARM_UP} projects waiting at the forstudie's gate…`);
      const t0 = performance.now();
      const projects = [];
      await pool(
        Array.from({ length: DECISIONS + WARM_UP }, (_, i) => i),
        SETUP_CONNECTIONS,
        async (i) => projects.push(await submittedProject(base, raad, leader, setup, i)),
      );
      const setupSeconds = round((performance.now() - t0) / 1000);

      console.log(`Measuring: ${DECISIONS} decisions from ${CONNECTIONS} connections (after ${WARM_UP} one at a time)…`);
      const warm = await decide(base, raad, projects.slice(0, WARM_UP), leaderId, server.pid, 1);
      const run = await decide(base, raad, projects.slice(WARM_UP), leaderId, server.pid, CONNECTIONS);
      const stored = Number(
        (
          await db.query(`SELECT count(*) AS n FROM gate_decision WHERE submission_id = ANY($1::uuid[])`, [
            projects.map((p) => p.submissionId),
          ])
        ).rows[0].n,
      );
      const machine = {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGb: round(totalmem() / 2 ** 30),
        node: process.version,
        database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
        postgres: (await db.query('SHOW server_version')).rows[0].server_version,
      };
      const ok = stored === projects.length && Object.keys(run.statuses).every((s) => s === '200');
      const out = {
        benchmark: 'gate',
        at: new Date().toISOString(),
        machine,
        server: { dist, rssMb: rssMb(server.pid) },
        setupSeconds,
        oneAtATime: warm,
        concurrent: run,
        stored,
        storedMatches: stored === projects.length,
        target: TARGET,
        withinTarget: {
          statements: run.statementsPerDecision ? run.statementsPerDecision.max <= TARGET.statements : null,
          p95: run.p95Ms <= TARGET.p95Ms,
        },
      };
      mkdirSync(join(root, 'bench/results'), { recursive: true });
      writeFileSync(join(root, 'bench/results/gate.json'), JSON.stringify(out, null, 2) + '\n');
      const st = (r) =>
        r.statementsPerDecision
          ? `${r.statementsPerDecision.median} statements per decision (min ${r.statementsPerDecision.min}, max ${r.statementsPerDecision.max})`
          : 'statements not answered by this build';
      console.log(
        `\nMachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}`,
      );
      console.log(`Setup: ${projects.length} projects in ${setupSeconds} s`);
      console.log(`One at a time (${warm.decisions}): p50 ${warm.p50Ms} ms, p95 ${warm.p95Ms} ms; ${st(warm)}`);
      console.log(
        `${run.connections} connections (${run.decisions}): ${run.decisionsPerSecond} decisions/s; p50 ${run.p50Ms} ms, p95 ${run.p95Ms} ms, ` +
          `p99 ${run.p99Ms} ms, max ${run.maxMs} ms; server CPU ${run.serverCpuMsPerDecision} ms per decision; ${st(run)}; statuses ${JSON.stringify(run.statuses)}`,
      );
      console.log(`Stored ${stored} decisions of ${projects.length}${ok ? '' : ' — MISMATCH'}`);
      console.log(`Target: ≤ ${TARGET.statements} statements, p95 ≤ ${TARGET.p95Ms} ms at 10 connections`);
      console.log('\nWrote bench/results/gate.json');
      if (!ok) process.exitCode = 1;
    } finally {
      await db.end();
    }
  } finally {
    await stopServer(server);
    await bench.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
