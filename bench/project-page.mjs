// Benchmark: the project page (issue #13: "the project page in one request with ≤ 6 statements, p95 ≤ 30 ms
// at 10 connections").
//
// A page load as the web app makes it, by two people on the demo project they share:
//   old  the requests the page made before GET /api/projects/:id/page: the project and its history together,
//        then (for those who manage the project) the people directory and the region together;
//   new  GET /api/projects/:id/page alone.
// The regionråd's secretariat manages the project (4 requests before); the project leader reads it (2 before).
// CLIENTS page loads run at once, back to back, in slices that take turns (old, new, old, new, …), so load from
// elsewhere on the machine falls on each alike. Reports pages per second, p50/p95/p99 of a whole page load,
// requests per page, the SQL statements per page (from the server's request log, `statements`, counted
// once per variant on a warm session cache), and the CPU per page of the server and of PostgreSQL (postmaster
// and backends, embedded PostgreSQL only), which machine load disturbs less than latency does.
//
// The server is the built one (server/dist) in production mode on a fresh database with the demo data,
// loopback only. Run through `npm run bench` (which builds first), or alone: BENCH_ONLY=project-page npm run bench.
// Database: DATABASE_URL's server (a new database is created and dropped), else an embedded PostgreSQL in
// .data/pg-bench-project-page. Knobs: BENCH_PROJECT_PAGE_CLIENTS (10), BENCH_PROJECT_PAGE_SLICE_S (4),
// BENCH_PROJECT_PAGE_ROUNDS (3), BENCH_PROJECT_PAGE_PG_PORT (54361), BENCH_KEEP_DB=1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  cpuSeconds,
  formatTable,
  openBenchDatabase,
  percentile,
  signIn,
  startBuiltServer,
  stopAfter,
  stopServer,
  withClient,
} from './lib/support.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = join(root, 'server/dist/server/src');
if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
  console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
  process.exit(1);
}
const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
const { DEMO_PASSWORD } = require(join(dist, 'database/seed/demo-data.js'));

const CLIENTS = Number(process.env.BENCH_PROJECT_PAGE_CLIENTS ?? 10);
const SLICE_MS = Number(process.env.BENCH_PROJECT_PAGE_SLICE_S ?? 4) * 1000;
const ROUNDS = Number(process.env.BENCH_PROJECT_PAGE_ROUNDS ?? 3);
const MANAGER = 'sekretariat.glamdal@demo.no'; // regionråd of Glåmdalsregionen: manages the project
const LEADER = 'prosjektleder@demo.no';
const PROJECT = 'Næringsvennlig Glåmdal';
const TARGET = { statements: 6, p95Ms: 30 };

stopAfter(10);

const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** GET as `session`; throws unless 200. */
async function get(base, session, path) {
  const res = await fetch(base + path, { headers: { cookie: session.cookie } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
}

/** A page load, old and new, as the web app makes it: the requests of each wave together, the waves in turn. */
function pageLoads(base, project) {
  const id = project.id;
  return {
    old: (manages) => [
      [`/api/projects/${id}`, `/api/projects/${id}/history`],
      ...(manages ? [['/api/users/directory', `/api/regions/${project.regionId}`]] : []),
    ],
    new: () => [[`/api/projects/${id}/page`]],
    run: async (waves, session) => {
      for (const wave of waves) await Promise.all(wave.map((path) => get(base, session, path)));
    },
  };
}

/** CLIENTS loads of `waves` at once, back to back, for SLICE_MS; answers the latencies (ms) of whole page loads. */
async function slice(run, waves, session) {
  const latencies = [];
  const until = performance.now() + SLICE_MS;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await run(waves, session);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

async function main() {
  const bench = await openBenchDatabase({
    name: 'project_page',
    startEmbeddedPostgres,
    dataDir: join(root, '.data', 'pg-bench-project-page'),
    port: Number(process.env.BENCH_PROJECT_PAGE_PG_PORT ?? 54361),
  });
  const { url, embedded } = bench;
  let server = null;
  try {
    console.log('Starting the server (migrations and demo data)…');
    // The request log tells each request's statements; it is read only while `logged` is set.
    let logged = null;
    let pending = '';
    const readLog = (d) => {
      if (!logged) return;
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        try {
          const message = JSON.parse(line).message;
          if (message && typeof message === 'object' && typeof message.statements === 'number') logged.push(message);
        } catch {
          // not a JSON line
        }
      }
    };
    let base;
    ({ server, base } = await startBuiltServer({ dist, cwd: root, url, env: { LOG_LEVEL: 'log' }, onStdout: readLog }));

    const project = await withClient(url, async (db) => {
      const { rows } = await db.query(
        `SELECT p.id, p.region_id AS "regionId",
                (SELECT count(*)::int FROM history_event h WHERE h.project_id = p.id) AS "historyEvents",
                (SELECT count(*)::int FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id WHERE ph.project_id = p.id) AS deliverables
           FROM project p WHERE p.name = $1`,
        [PROJECT],
      );
      if (!rows[0]) throw new Error(`The demo data has no project ${PROJECT}`);
      return rows[0];
    });
    const people = [
      { who: `regionråd (${MANAGER})`, session: await signIn(base, MANAGER, DEMO_PASSWORD), manages: true },
      { who: `project leader (${LEADER})`, session: await signIn(base, LEADER, DEMO_PASSWORD), manages: false },
    ];
    const loads = pageLoads(base, project);
    const variants = people.flatMap((p) => [
      { ...p, variant: 'old', waves: loads.old(p.manages) },
      { ...p, variant: 'new', waves: loads.new() },
    ]);

    // Statements per page: each variant twice (the second on a warm session cache), the second one counted.
    for (const v of variants) {
      await loads.run(v.waves, v.session);
      logged = [];
      await loads.run(v.waves, v.session);
      await new Promise((r) => setTimeout(r, 300)); // the log line is written when the answer has gone
      v.requests = v.waves.flat().length;
      v.statements = logged.length === v.requests ? logged.reduce((n, m) => n + m.statements, 0) : null;
      logged = null;
    }

    const pgPid = embedded?.pid ?? null; // PostgreSQL's CPU is measured on the embedded one only
    console.log(`Measuring: ${CLIENTS} page loads at once, ${ROUNDS} rounds of ${SLICE_MS / 1000} s slices per variant…`);
    for (const v of variants) {
      await slice(loads.run, v.waves, v.session); // warm-up
      v.latencies = [];
      v.seconds = 0;
      v.nodeCpuSeconds = 0;
      v.pgCpuSeconds = 0;
    }
    for (let r = 0; r < ROUNDS; r++) {
      for (const v of variants) {
        const node0 = cpuSeconds(server.pid);
        const pg0 = pgPid ? cpuSeconds(pgPid, { tree: true }) : null;
        const t0 = performance.now();
        const latencies = await slice(loads.run, v.waves, v.session);
        v.seconds += (performance.now() - t0) / 1000;
        const node1 = cpuSeconds(server.pid);
        const pg1 = pgPid ? cpuSeconds(pgPid, { tree: true }) : null;
        if (node0 !== null && node1 !== null) v.nodeCpuSeconds += node1 - node0;
        if (pg0 !== null && pg1 !== null) v.pgCpuSeconds += pg1 - pg0;
        v.latencies.push(...latencies);
      }
    }
    const results = variants.map((v) => {
      const sorted = [...v.latencies].sort((a, b) => a - b);
      return {
        who: v.who,
        variant: v.variant,
        requests: v.requests,
        statements: v.statements,
        pages: sorted.length,
        pagesPerSecond: round(sorted.length / v.seconds),
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        p99Ms: round(percentile(sorted, 99)),
        nodeCpuMsPerPage: round((v.nodeCpuSeconds * 1000) / sorted.length, 2),
        postgresCpuMsPerPage: pgPid ? round((v.pgCpuSeconds * 1000) / sorted.length, 2) : null,
      };
    });

    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
    };
    const out = {
      benchmark: 'project-page',
      at: new Date().toISOString(),
      machine,
      project: { name: PROJECT, historyEvents: project.historyEvents, deliverables: project.deliverables },
      clients: CLIENTS,
      sliceSeconds: SLICE_MS / 1000,
      rounds: ROUNDS,
      target: TARGET,
      results,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/project-page.json'), JSON.stringify(out, null, 2) + '\n');

    console.log(
      `\nMachine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}; ` +
        `project ${PROJECT} (${project.deliverables} deliverables, ${project.historyEvents} history events); ${CLIENTS} page loads at once\n`,
    );
    console.log(
      formatTable(
        [
          ['who', (r) => r.who],
          ['variant', (r) => r.variant],
          ['requests', (r) => r.requests],
          ['statements', (r) => r.statements ?? '?'],
          ['pages/s', (r) => r.pagesPerSecond],
          ['p50 ms', (r) => r.p50Ms],
          ['p95 ms', (r) => r.p95Ms],
          ['p99 ms', (r) => r.p99Ms],
          ['Node CPU ms/page', (r) => r.nodeCpuMsPerPage],
          ['PostgreSQL CPU ms/page', (r) => r.postgresCpuMsPerPage ?? '?'],
        ],
        results,
      ),
    );
    const fresh = results.filter((r) => r.variant === 'new');
    const within = fresh.every((r) => r.statements !== null && r.statements <= TARGET.statements && r.p95Ms <= TARGET.p95Ms);
    console.log(
      `\nTarget (issue #13): one request, ≤ ${TARGET.statements} statements, p95 ≤ ${TARGET.p95Ms} ms at ${CLIENTS} connections: ${within ? 'met' : 'NOT met'}`,
    );
    console.log('Wrote bench/results/project-page.json');
  } finally {
    await stopServer(server);
    await bench.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
