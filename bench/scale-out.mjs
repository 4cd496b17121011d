// Benchmark and proof: scale-out (issue 13). Two instances of the built server on one PostgreSQL,
// behind a minimal round-robin HTTP proxy (node:http, in a worker thread), as docker-compose.yml's
// `scale` profile runs them behind nginx.
//
//  1. Both instances start at the same moment on an empty database: both migrate and both create the
//     first administrator (ADMIN_EMAIL); each migration and the account must happen once, and both start.
//  2. National directory (357 kommuner, 80 regions, advisers, regionråd, project leaders) by SQL; then
//     400 projects created through the proxy (writes spread over both instances).
//  3. Sessions: signed in on A, used on B (read and write); a change and a sign-out on B seen on A within
//     a second (each instance's session cache is told by LISTEN/NOTIFY); the client's address reaches the
//     app through the proxy's X-Forwarded-For.
//  4. Load, BENCH_DURATION_S per scenario: the adviser's pages (portfolio, project, project history) on one
//     instance directly, on one instance through the proxy, and on two through the proxy: req/s, latency,
//     requests per instance, and the CPU each process used per request.
//  5. Jobs run once: both schedulers tick, then four extra reminder scans are queued at once and both
//     workers take them; every reminder must be created once and every e-mail delivered once (SMTP_URL
//     points at a counting SMTP sink here).
// Prints tables and writes bench/results/scale-out.json; exits 1 when a check fails.
//
// Run through `npm run bench` (which builds first), or `BENCH_ONLY=scale-out npm run bench`. Database:
// DATABASE_URL's server (a new database is created and dropped), else an embedded PostgreSQL in
// .data/pg-bench-scale-out. Knobs: BENCH_CONCURRENCY (10), BENCH_DURATION_S (15 per scenario),
// BENCH_PG_PORT (54351), BENCH_KEEP_DB=1.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Agent, createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createTcpServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
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

// ---------------------------------------------------------------------------------------------
// The proxy (worker thread): round-robin, keep-alive to the instances, X-Forwarded-For appended.

function runProxy(upstreams) {
  const agents = upstreams.map(() => new Agent({ keepAlive: true, maxSockets: 256 }));
  const served = upstreams.map(() => 0);
  const failed = upstreams.map(() => 0);
  const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
  const strip = (headers) => Object.fromEntries(Object.entries(headers).filter(([k]) => !hopByHop.has(k)));
  let next = 0;
  const server = createHttpServer((req, res) => {
    const i = next;
    next = (next + 1) % upstreams.length;
    served[i] += 1;
    const client = req.socket.remoteAddress;
    const forwarded = req.headers['x-forwarded-for'];
    const headers = {
      ...strip(req.headers),
      'x-forwarded-for': forwarded ? `${forwarded}, ${client}` : client,
      'x-forwarded-proto': 'http',
      'x-forwarded-host': req.headers.host ?? '',
    };
    const upstream = httpRequest(
      { host: '127.0.0.1', port: upstreams[i], method: req.method, path: req.url, headers, agent: agents[i] },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, strip(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      failed[i] += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway');
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
  parentPort.on('message', (m) => {
    if (m === 'counts') parentPort.postMessage({ served: [...served], failed: [...failed] });
    if (m === 'close') server.close(() => process.exit(0));
  });
}

/** Starts a proxy in a worker thread; answers its base URL, a reader of its per-upstream counts, and close(). */
async function startProxy(upstreams) {
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { upstreams } });
  const { port } = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    base: `http://127.0.0.1:${port}`,
    counts: () =>
      new Promise((resolve) => {
        worker.once('message', resolve);
        worker.postMessage('counts');
      }),
    close: async () => {
      worker.postMessage('close');
      await new Promise((r) => worker.once('exit', r));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// A counting SMTP sink (enough of RFC 5321 for nodemailer): which recipient got how many messages.

async function startSmtpSink() {
  const perRecipient = new Map();
  let messages = 0;
  const sockets = new Set();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let to = [];
    const reply = (line) => socket.write(`${line}\r\n`);
    reply('220 bench-smtp ready');
    socket.on('data', (chunk) => {
      buffer += chunk;
      let i;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages += 1;
            for (const r of to) perRecipient.set(r, (perRecipient.get(r) ?? 0) + 1);
            to = [];
            reply('250 OK: queued');
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'RCPT')
          to.push(
            line
              .replace(/^RCPT TO:\s*/i, '')
              .replace(/[<>]/g, '')
              .split(' ')[0]
              .toLowerCase(),
          );
        if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply(verb === 'EHLO' || verb === 'HELO' ? '250 bench-smtp' : '250 OK');
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    received: () => ({ messages, perRecipient: new Map(perRecipient) }),
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Setup

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'server/dist/server/src');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const DURATION_MS = Number(process.env.BENCH_DURATION_S ?? 15) * 1000;
const PASSWORD = 'bench-password-2026';
const ADMIN = { email: 'admin@bench.no', password: 'bench-admin-password-2026' };
const SCALE = { kommuner: 357, regions: 80, projectsPerRegion: 5, advisers: 10, regionsPerAdviser: 8 };
const EXTRA_SCANS = 4;

const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const checks = [];
/** Records a check: printed at the end, and a failed one makes the run exit 1. */
const check = (name, ok, detail = '') => {
  checks.push({ name, ok: Boolean(ok), detail: String(detail) });
  if (!ok) console.error(`CHECK FAILED: ${name} ${detail}`);
};

/** Starts the built server on a free port; its JSON log lines are kept. */
async function startInstance(name, url, extraEnv) {
  const port = await freePort();
  const child = spawn(process.execPath, [...serverNodeArgs(), join(dist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JOBS_ENABLED: 'true',
      WEB_DIST_DIR: '',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_FORMAT: 'json',
      TRUST_PROXY: 'loopback',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let partial = '';
  const take = (d) => {
    const parts = (partial + d).split('\n');
    partial = parts.pop();
    for (const l of parts) if (l.trim()) lines.push(l);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const messages = () =>
    lines.map((l) => {
      try {
        const { message } = JSON.parse(l);
        return typeof message === 'string' ? message : JSON.stringify(message ?? l);
      } catch {
        return l;
      }
    });
  return { name, port, base: `http://127.0.0.1:${port}`, child, pid: child.pid, lines, messages };
}

async function stopInstance(instance) {
  if (!instance || instance.child.exitCode !== null) return;
  instance.child.kill('SIGTERM');
  await new Promise((r) => instance.child.once('exit', r));
}

/** A JSON request; answers {status, body}. */
async function api(base, session, method, path, body, headers = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

/** Runs `work(item)` for every item with at most `n` at a time. */
async function inParallel(items, n, work) {
  let i = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (i < items.length) await work(items[i++]);
    }),
  );
}

/** Inserts rows with one statement per table: unnest() of one array per column. */
async function insertRows(client, table, columns, rows) {
  if (!rows.length) return;
  const names = columns.map(([n]) => n);
  await client.query(
    `INSERT INTO ${table} (${names.join(', ')})
     SELECT * FROM unnest(${columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ')})`,
    columns.map((_, c) => rows.map((r) => r[c])),
  );
}

/** Kommuner, regions, advisers, regionråd and one future leader per project: the people and places, by SQL. */
async function loadDirectory(url, shared, passwordHash) {
  const kommuner = [];
  for (let k = 0; k < SCALE.kommuner; k++) {
    const county = shared.COUNTIES[k % shared.COUNTIES.length];
    const j = Math.floor(k / shared.COUNTIES.length);
    kommuner.push([randomUUID(), `${county.number}${String(10 + j).padStart(2, '0')}`, `${county.name} ${j + 1}`, county.name]);
  }
  const regions = [];
  const memberships = [];
  const per = kommuner.length / SCALE.regions;
  for (let r = 0; r < SCALE.regions; r++) {
    const id = randomUUID();
    const members = kommuner.slice(Math.floor(r * per), Math.floor((r + 1) * per)).map((k) => k[0]);
    regions.push({ id, row: [id, `Region ${String(r + 1).padStart(2, '0')}`, `Regionrådet ${r + 1}`], members });
    for (const k of members) memberships.push([randomUUID(), id, k, '2015-01-01']);
  }
  const users = [];
  const roles = [];
  const advisers = [];
  for (let a = 0; a < SCALE.advisers; a++) {
    const id = randomUUID();
    const email = `radgiver${a}@bench.no`;
    users.push([id, email, `Rådgiver ${a}`, passwordHash]);
    const own = regions.slice(a * SCALE.regionsPerAdviser, (a + 1) * SCALE.regionsPerAdviser);
    for (const region of own) roles.push([randomUUID(), id, 'adviser', region.id]);
    advisers.push({ email, regionIds: own.map((r) => r.id) });
  }
  for (const [r, region] of regions.entries()) {
    for (let i = 0; i < 2; i++) {
      const id = randomUUID();
      users.push([id, `raad${r}-${i}@bench.no`, `Regionråd ${r}-${i}`, passwordHash]);
      roles.push([randomUUID(), id, 'regionraad', region.id]);
    }
  }
  const leaders = [];
  for (let p = 0; p < SCALE.regions * SCALE.projectsPerRegion; p++) {
    const id = randomUUID();
    users.push([id, `leder${p + 1}@bench.no`, `Prosjektleder ${p + 1}`, passwordHash]);
    leaders.push(id);
  }
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await insertRows(
      c,
      'kommune',
      [
        ['id', 'uuid'],
        ['number', 'text'],
        ['name', 'text'],
        ['county', 'text'],
      ],
      kommuner,
    );
    await insertRows(
      c,
      'kommune_population',
      [
        ['kommune_id', 'uuid'],
        ['as_of', 'date'],
        ['population', 'int'],
      ],
      kommuner.map((k, i) => [k[0], '2024-01-01', 800 + ((i * 7919) % 60000)]),
    );
    await insertRows(
      c,
      'region',
      [
        ['id', 'uuid'],
        ['name', 'text'],
        ['council_name', 'text'],
      ],
      regions.map((r) => r.row),
    );
    await insertRows(
      c,
      'region_membership',
      [
        ['id', 'uuid'],
        ['region_id', 'uuid'],
        ['kommune_id', 'uuid'],
        ['valid_from', 'date'],
      ],
      memberships,
    );
    await insertRows(
      c,
      'app_user',
      [
        ['id', 'uuid'],
        ['email', 'text'],
        ['name', 'text'],
        ['password_hash', 'text'],
      ],
      users,
    );
    await insertRows(
      c,
      'role_assignment',
      [
        ['id', 'uuid'],
        ['user_id', 'uuid'],
        ['role', 'text'],
        ['region_id', 'uuid'],
      ],
      roles,
    );
    await c.query('COMMIT');
  });
  return { regions, advisers, leaders };
}

// ---------------------------------------------------------------------------------------------
// Load

/**
 * `concurrency` clients, each signed in as an adviser, request the adviser's pages back to back for
 * `durationMs`: 30 % portfolio, 35 % a project, 35 % its history (the project page's two requests).
 * Answers the raw samples: latencies by kind, errors, seconds, and the CPU seconds each process used.
 */
async function load(base, sessions, projectsOf, processes, durationMs, seed) {
  const rand = mulberry32(seed);
  const byKind = { portfolio: [], project: [], history: [] };
  let errors = 0;
  const cpuBefore = processes.map((p) => p.cpu());
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, c) => {
      const a = c % sessions.length;
      while (performance.now() < deadline) {
        const x = rand();
        const project = projectsOf[a][Math.floor(rand() * projectsOf[a].length)];
        const [kind, path] =
          x < 0.3
            ? ['portfolio', '/api/portfolio']
            : x < 0.65
              ? ['project', `/api/projects/${project}`]
              : ['history', `/api/projects/${project}/history`];
        const t0 = performance.now();
        const res = await fetch(base + path, { headers: { cookie: sessions[a].cookie } });
        await res.arrayBuffer();
        if (res.status === 200) byKind[kind].push(performance.now() - t0);
        else errors += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = Object.fromEntries(processes.map((p, i) => [p.name, p.cpu() - cpuBefore[i]]));
  // The machine's 1-minute load average at the end: other work on a shared machine shows here.
  return { byKind, errors, seconds, cpu, loadAverage: loadavg()[0] };
}

/** One scenario's figures from the samples of its rounds. */
function summarise(name, samples) {
  const byKind = { portfolio: [], project: [], history: [] };
  for (const s of samples) for (const k of Object.keys(byKind)) byKind[k].push(...s.byKind[k]);
  for (const list of Object.values(byKind)) list.sort((x, y) => x - y);
  const all = Object.values(byKind)
    .flat()
    .sort((x, y) => x - y);
  const ok = all.length;
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const cpu = {};
  for (const s of samples) for (const [k, v] of Object.entries(s.cpu)) cpu[k] = v === null || cpu[k] === null ? null : (cpu[k] ?? 0) + v;
  return {
    name,
    rounds: samples.length,
    seconds: round(seconds),
    concurrency: CONCURRENCY,
    requests: ok + errors,
    errors,
    requestsPerSecond: round(ok / seconds),
    requestsPerSecondByRound: samples.map((s) => round(Object.values(s.byKind).flat().length / s.seconds)),
    loadAverageByRound: samples.map((s) => round(s.loadAverage)),
    p50Ms: round(percentile(all, 50)),
    p95Ms: round(percentile(all, 95)),
    p99Ms: round(percentile(all, 99)),
    p95ByKindMs: Object.fromEntries(Object.entries(byKind).map(([k, l]) => [k, round(percentile(l, 95))])),
    cpuSeconds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, round(v, 2)])),
    cpuMsPerRequest: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, ok && v !== null ? round((v * 1000) / ok, 2) : null])),
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const require = createRequire(import.meta.url);
  if (!existsSync(join(dist, 'main.js')) || !existsSync(join(root, 'shared/dist/index.js'))) {
    console.error('Build first: npm run build -w shared && npm run build -w server (npm run bench does it).');
    process.exit(1);
  }
  stopAfter(15);
  const shared = require(join(root, 'shared/dist/index.js'));
  const { startEmbeddedPostgres } = require(join(dist, 'database/embedded-postgres.js'));
  const { hashPassword } = require(join(dist, 'auth/passwords.js'));
  const { migrations } = require(join(root, 'server/dist/migrations/index.js'));

  let embedded = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log('Starting an embedded PostgreSQL (.data/pg-bench-scale-out)…');
    embedded = await startEmbeddedPostgres({
      dataDir: join(root, '.data', 'pg-bench-scale-out'),
      port: Number(process.env.BENCH_PG_PORT ?? 54351),
      database: 'postgres',
      quiet: true,
    });
    adminUrl = embedded.url;
  }
  const dbName = `nvr_scale_${process.pid}`;
  const url = withDatabase(adminUrl, dbName);
  const smtp = await startSmtpSink();
  const instances = [];
  const proxies = [];
  const out = { benchmark: 'scale-out', at: new Date().toISOString() };
  try {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${dbName}"`);
    });

    // 1. Two instances start at once on the empty database.
    console.log('Starting instances A and B at the same moment on an empty database (both migrate)…');
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    const t0 = performance.now();
    const [A, B] = await Promise.all([startInstance('A', url, env), startInstance('B', url, env)]);
    instances.push(A, B);
    const ready = await Promise.allSettled(
      instances.map((s) => waitForHealth(s.base, s.child).then(() => round((performance.now() - t0) / 1000))),
    );
    for (const [i, r] of ready.entries()) {
      if (r.status === 'rejected')
        console.error(`Instance ${instances[i].name} did not start:\n${instances[i].lines.slice(-15).join('\n')}`);
    }
    check(
      'both instances start at once on an empty database',
      ready.every((r) => r.status === 'fulfilled'),
    );
    if (ready.some((r) => r.status === 'rejected')) throw new Error('An instance did not start; see above');
    const startup = await withClient(url, async (c) => {
      const m = await c.query(`SELECT count(*)::int AS rows, count(DISTINCT name)::int AS names FROM migrations`);
      const admins = await c.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = lower($1)`, [ADMIN.email]);
      return { migrationRows: m.rows[0].rows, distinctMigrations: m.rows[0].names, admins: admins.rows[0].n };
    });
    const said = (s) =>
      s
        .messages()
        .filter((m) => /^(Ran migrations|Database schema is up to date|Another instance is migrating|Created the administrator)/.test(m))
        .map((m) => m.replace(/^Ran migrations: .*/, (x) => `Ran ${x.split(',').length} migrations`));
    out.startup = {
      migrationsInCode: migrations.length,
      ...startup,
      secondsToHealthy: Object.fromEntries(instances.map((s, i) => [s.name, ready[i].value])),
      log: Object.fromEntries(instances.map((s) => [s.name, said(s)])),
    };
    check(
      'each migration ran once',
      startup.migrationRows === migrations.length && startup.distinctMigrations === migrations.length,
      `${startup.migrationRows} rows, ${migrations.length} migrations`,
    );
    check('the first administrator was created once', startup.admins === 1, `${startup.admins} accounts`);

    // 2. Directory by SQL, projects through the proxy.
    const both = await startProxy([A.port, B.port]);
    proxies.push(both);
    console.log('Loading the directory, then creating the projects through the proxy…');
    const dir = await loadDirectory(url, shared, await hashPassword(PASSWORD));
    const admin = await signIn(both.base, ADMIN.email, ADMIN.password);
    const today = shared.todayInOslo();
    const monthsAgo = (n) => {
      const d = new Date(`${today}T12:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 10);
    };
    const projectSpecs = dir.regions.flatMap((region, r) =>
      Array.from({ length: SCALE.projectsPerRegion }, (_, p) => ({
        regionId: region.id,
        name: `Næringsvennlig region ${r + 1}-${p + 1}`,
        description: 'Benchmarkprosjekt',
        kommuneIds: region.members,
        leaderUserId: dir.leaders[r * SCALE.projectsPerRegion + p],
        forstudieStartedOn: monthsAgo(1 + ((r * SCALE.projectsPerRegion + p) % 14)),
      })),
    );
    const beforeCreate = await both.counts();
    const tc = performance.now();
    let createErrors = 0;
    await inParallel(projectSpecs, 6, async (spec) => {
      const res = await api(both.base, admin, 'POST', '/api/projects', spec);
      if (res.status !== 201) {
        createErrors += 1;
        if (createErrors <= 3) console.error(`POST /api/projects answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
    });
    const createSeconds = (performance.now() - tc) / 1000;
    const afterCreate = await both.counts();
    const created = await withClient(url, async (c) => {
      const q = async (sql) => (await c.query(sql)).rows[0].n;
      return {
        projects: await q(`SELECT count(*)::int AS n FROM project`),
        phases: await q(`SELECT count(*)::int AS n FROM project_phase`),
        deliverables: await q(`SELECT count(*)::int AS n FROM deliverable`),
        createdEvents: await q(`SELECT count(*)::int AS n FROM history_event WHERE action = 'project.created'`),
      };
    });
    // Due dates from a week ago to two weeks ahead on the forstudie's deliverables, so reminders fall due.
    await withClient(url, (c) =>
      c.query(`UPDATE deliverable d SET due_date = current_date + (abs(hashtext(d.id::text)) % 21 - 7)
                 FROM project_phase ph WHERE ph.id = d.phase_id AND ph.state = 'in_progress'`),
    );
    // Fresh statistics, so the measured plans are those of a settled database rather than autovacuum's timing.
    await withClient(url, (c) => c.query('VACUUM ANALYZE'));
    out.writes = {
      projectsPosted: projectSpecs.length,
      errors: createErrors,
      seconds: round(createSeconds),
      projectsPerSecond: round(projectSpecs.length / createSeconds),
      servedBy: { A: afterCreate.served[0] - beforeCreate.served[0], B: afterCreate.served[1] - beforeCreate.served[1] },
      ...created,
    };
    check('every project posted through the proxy exists once', created.projects === projectSpecs.length && createErrors === 0);
    check('each creation wrote its history once', created.createdEvents === projectSpecs.length);

    // 3. Sessions across instances, and the client's address through the proxy. Each instance may keep a
    // session for SESSION_CACHE_SECONDS; a change anywhere reaches the others by LISTEN/NOTIFY just after it
    // commits, so A is asked again until it answers the new state: how many stale answers, for how long.
    const untilSeen = async (ask, seen) => {
      const started = performance.now();
      let stale = 0;
      for (;;) {
        const res = await ask();
        if (seen(res)) return { status: res.status, staleAnswers: stale, ms: round(performance.now() - started) };
        stale += 1;
        if (performance.now() - started > 10_000) return { status: res.status, staleAnswers: stale, ms: null };
      }
    };
    const adviser = dir.advisers[0].email;
    const onA = await signIn(A.base, adviser, PASSWORD);
    const meOnB = await api(B.base, onA, 'GET', '/api/auth/me');
    await api(A.base, onA, 'GET', '/api/auth/me'); // now in A's cache, if it keeps one
    const langOnB = await api(B.base, onA, 'PATCH', '/api/auth/me/language', { language: 'en' });
    const languageOnA = await untilSeen(
      () => api(A.base, onA, 'GET', '/api/auth/me'),
      (r) => r.body?.user?.language === 'en',
    );
    const logoutOnB = await api(B.base, onA, 'POST', '/api/auth/logout');
    const signOutOnA = await untilSeen(
      () => api(A.base, onA, 'GET', '/api/auth/me'),
      (r) => r.status === 401,
    );
    const outerAddress = '203.0.113.7';
    await signIn(both.base, dir.advisers[1].email, PASSWORD, { 'x-forwarded-for': outerAddress });
    const seenAddress = await withClient(
      url,
      async (c) =>
        (await c.query(`SELECT ip FROM login_attempt WHERE lower(email) = lower($1) ORDER BY id DESC LIMIT 1`, [dir.advisers[1].email]))
          .rows[0]?.ip,
    );
    out.sessions = {
      signedInOnA_readOnB: meOnB.status,
      writeOnB_withCsrfFromA: langOnB.status,
      languageChangedOnB_seenOnA: languageOnA,
      signedOutOnB_refusedOnA: signOutOnA,
      clientAddressRecorded: seenAddress ?? null,
    };
    check('a session made on A is valid on B', meOnB.status === 200 && meOnB.body?.user?.email === adviser);
    check('a write on B with the CSRF token from A is accepted', langOnB.status === 200);
    // Within a second: well before any cached copy would have expired by itself.
    check(
      'A sees a change made on B within 1 s',
      languageOnA.ms !== null && languageOnA.ms <= 1000,
      `${languageOnA.staleAnswers} stale answers, ${languageOnA.ms} ms`,
    );
    check(
      'signed out on B, the cookie is refused on A within 1 s',
      logoutOnB.status < 300 && signOutOnA.ms !== null && signOutOnA.ms <= 1000,
      `${signOutOnA.staleAnswers} stale answers, ${signOutOnA.ms} ms`,
    );
    check('the client address passes the proxy (X-Forwarded-For, TRUST_PROXY)', seenAddress === outerAddress, seenAddress);

    // 4. Load: one instance directly, one through the proxy, two through the proxy.
    const sessions = [];
    for (const a of dir.advisers) sessions.push(await signIn(both.base, a.email, PASSWORD));
    const projectsOf = await withClient(url, async (c) => {
      const lists = [];
      for (const a of dir.advisers)
        lists.push(
          (await c.query(`SELECT id FROM project WHERE region_id = ANY($1::uuid[]) ORDER BY id`, [a.regionIds])).rows.map((r) => r.id),
        );
      return lists;
    });
    const one = await startProxy([A.port]);
    proxies.push(one);
    const processes = [
      { name: 'A', cpu: () => cpuSeconds(A.pid) },
      { name: 'B', cpu: () => cpuSeconds(B.pid) },
      ...(embedded ? [{ name: 'postgres', cpu: () => cpuSeconds(embedded.pid, { tree: true }) }] : []),
      { name: 'load+proxy', cpu: () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 },
    ];
    console.log(
      `Load: ${CONCURRENCY} clients, ${DURATION_MS / 1000} s per scenario in two rounds, adviser pages (portfolio, project, history)…`,
    );
    // Warm-up, untimed: both instances' JIT and PostgreSQL's cache. Then two rounds, the second in the
    // reverse order, each scenario half the duration per round, so that neither the order nor a slow
    // moment of this shared machine favours one scenario.
    await load(both.base, sessions, projectsOf, processes, Math.min(DURATION_MS, 5000), 1);
    const scenarios = [
      { name: 'one instance, direct', base: A.base, proxy: null, samples: [], servedBy: { A: 0, B: 0 }, proxyErrors: 0 },
      { name: 'one instance, through the proxy', base: one.base, proxy: one, samples: [], servedBy: { A: 0, B: 0 }, proxyErrors: 0 },
      { name: 'two instances, through the proxy', base: both.base, proxy: both, samples: [], servedBy: { A: 0, B: 0 }, proxyErrors: 0 },
    ];
    const connections = () =>
      withClient(
        url,
        async (c) => (await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`)).rows[0].n - 1,
      );
    for (const [pass, order] of [scenarios, [...scenarios].reverse()].entries()) {
      for (const sc of order) {
        await load(sc.base, sessions, projectsOf, processes, 1000, 2); // a few requests on this path first
        const before = sc.proxy ? await sc.proxy.counts() : null;
        const sample = await load(sc.base, sessions, projectsOf, processes, DURATION_MS / 2, 100 + pass);
        sc.samples.push(sample);
        if (sc.proxy) {
          const after = await sc.proxy.counts();
          sc.servedBy.A += after.served[0] - before.served[0];
          sc.servedBy.B += (after.served[1] ?? 0) - (before.served[1] ?? 0);
          sc.proxyErrors += after.failed.reduce((n, f, i) => n + f - before.failed[i], 0);
        } else sc.servedBy.A += Object.values(sample.byKind).flat().length + sample.errors;
        sc.databaseConnections = Math.max(sc.databaseConnections ?? 0, await connections());
        sc.rssMb = { A: Math.max(sc.rssMb?.A ?? 0, rssMb(A.pid) ?? 0), B: Math.max(sc.rssMb?.B ?? 0, rssMb(B.pid) ?? 0) };
      }
    }
    const results = scenarios.map((sc) => ({
      ...summarise(sc.name, sc.samples),
      servedBy: sc.servedBy,
      proxyErrors: sc.proxyErrors,
      databaseConnections: sc.databaseConnections,
      // Resident memory after each round, the larger of the two.
      rssMb: sc.rssMb,
    }));
    out.load = results;
    const two = results[2];
    check('both instances serve requests through the proxy', two.servedBy.A > 0 && two.servedBy.B > 0, JSON.stringify(two.servedBy));
    check(
      'no errors under load',
      results.every((r) => r.errors === 0),
    );

    // 5. Jobs run once.
    console.log('Jobs: extra reminder scans queued at once for both workers; waiting for the e-mails…');
    await withClient(url, (c) =>
      c.query(
        `INSERT INTO job (kind, payload, unique_key, run_at)
         SELECT 'reminders.scan', jsonb_build_object('today', $1::text), 'bench.scan:' || n, now() FROM generate_series(1, $2) n`,
        [today, EXTRA_SCANS],
      ),
    );
    const until = Date.now() + 180_000;
    let pending = null;
    while (Date.now() < until) {
      pending = await withClient(url, async (c) => {
        const j = await c.query(
          `SELECT count(*)::int AS n FROM job WHERE state IN ('queued', 'running') AND run_at <= now() + interval '1 minute'`,
        );
        const o = await c.query(`SELECT count(*)::int AS n FROM outbox WHERE state = 'pending'`);
        return { jobs: j.rows[0].n, mail: o.rows[0].n };
      });
      if (pending.jobs === 0 && pending.mail === 0) break;
      await sleep(500);
    }
    const workerOf = (lockedBy) => instances.find((s) => String(lockedBy ?? '').split(':')[1] === String(s.pid))?.name ?? '?';
    const jobs = await withClient(url, async (c) => {
      const rows = (await c.query(`SELECT kind, unique_key, state, attempts, locked_by FROM job ORDER BY id`)).rows;
      const notifications = (await c.query(`SELECT kind, count(*)::int AS n FROM notification GROUP BY kind ORDER BY kind`)).rows;
      const dupes = (
        await c.query(
          `SELECT count(*)::int AS n FROM (SELECT 1 FROM notification GROUP BY kind, target_id, recipient_id, period HAVING count(*) > 1) d`,
        )
      ).rows[0].n;
      const outbox = (await c.query(`SELECT to_address, state FROM outbox`)).rows;
      return { rows, notifications, dupes, outbox };
    });
    const received = smtp.received();
    const expected = new Map();
    for (const o of jobs.outbox) expected.set(o.to_address.toLowerCase(), (expected.get(o.to_address.toLowerCase()) ?? 0) + 1);
    let duplicated = 0;
    let missing = 0;
    for (const [to, n] of expected) missing += Math.max(0, n - (received.perRecipient.get(to) ?? 0));
    for (const [to, n] of received.perRecipient) duplicated += Math.max(0, n - (expected.get(to) ?? 0));
    const jobSummary = (kind) => {
      const rows = jobs.rows.filter((j) => j.kind === kind);
      return {
        jobs: rows.length,
        done: rows.filter((j) => j.state === 'done').length,
        retried: rows.filter((j) => j.attempts > 1).length,
        ranOn: { A: rows.filter((j) => workerOf(j.locked_by) === 'A').length, B: rows.filter((j) => workerOf(j.locked_by) === 'B').length },
      };
    };
    const daily = jobs.rows.filter((j) => /^[a-z._]+:\d{4}-\d{2}-\d{2}$/.test(j.unique_key ?? ''));
    const scanLines = Object.fromEntries(instances.map((s) => [s.name, s.messages().filter((m) => m.startsWith('Reminder scan for'))]));
    out.jobs = {
      osloHour: shared.osloHour(new Date()),
      dailyRunsQueuedBySchedulers: daily.map((j) => ({ key: j.unique_key, state: j.state, ranOn: workerOf(j.locked_by) })),
      reminderScans: jobSummary('reminders.scan'),
      scanLog: scanLines,
      notifications: Object.fromEntries(jobs.notifications.map((r) => [r.kind, r.n])),
      notificationsTotal: jobs.notifications.reduce((s, r) => s + r.n, 0),
      duplicateNotifications: jobs.dupes,
      outbox: jobs.outbox.length,
      outboxSent: jobs.outbox.filter((o) => o.state === 'sent').length,
      mailJobs: jobSummary('mail.deliver'),
      smtpReceived: received.messages,
      mailsDeliveredTwice: duplicated,
      mailsNotDelivered: missing,
      leftPending: pending,
    };
    const dailyKeys = daily.map((j) => j.unique_key);
    check('each daily run the two schedulers queue exists once', new Set(dailyKeys).size === dailyKeys.length, dailyKeys.join(' '));
    check('every reminder scan ran', out.jobs.reminderScans.done === out.jobs.reminderScans.jobs);
    check('reminders were created', out.jobs.notificationsTotal > 0, out.jobs.notificationsTotal);
    check('no reminder created twice', jobs.dupes === 0);
    check(
      'every e-mail delivered exactly once',
      received.messages === jobs.outbox.length && duplicated === 0 && missing === 0 && out.jobs.outboxSent === jobs.outbox.length,
      `${received.messages} received, ${jobs.outbox.length} in the outbox`,
    );
    check(
      'both workers took jobs',
      out.jobs.mailJobs.ranOn.A + out.jobs.reminderScans.ranOn.A > 0 && out.jobs.mailJobs.ranOn.B + out.jobs.reminderScans.ranOn.B > 0,
    );

    // Report
    out.databaseSizeMb = await withClient(url, async (c) =>
      round(Number((await c.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b) / 2 ** 20),
    );
    const machine = {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 2 ** 30),
      node: process.version,
      database: embedded ? 'embedded PostgreSQL (embedded-postgres)' : 'DATABASE_URL',
      postgres: await withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version),
    };
    Object.assign(out, { machine, checks });
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/scale-out.json'), JSON.stringify(out, null, 2) + '\n');

    console.log(
      `\nScale-out: two instances of the built server on one PostgreSQL ${machine.postgres}, ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}`,
    );
    console.log(
      `\nStart: both healthy after ${Object.entries(out.startup.secondsToHealthy)
        .map(([k, v]) => `${k} ${v} s`)
        .join(', ')}; ${Object.entries(out.startup.log)
        .map(([k, v]) => `${k}: ${v.join('; ')}`)
        .join(' | ')}`,
    );
    console.log(
      `Writes: ${out.writes.projectsPosted} projects posted through the proxy in ${out.writes.seconds} s (${out.writes.projectsPerSecond}/s), served by A ${out.writes.servedBy.A}, B ${out.writes.servedBy.B}; ${created.phases} phases, ${created.deliverables} deliverables`,
    );
    console.log(`Database: ${out.databaseSizeMb} MB at the end; sessions: ${JSON.stringify(out.sessions)}\n`);
    console.log(
      formatTable(
        [
          ['scenario', (r) => r.name],
          ['requests', (r) => r.requests],
          ['req/s', (r) => r.requestsPerSecond],
          ['per round', (r) => r.requestsPerSecondByRound.join(' / ')],
          ['load avg', (r) => r.loadAverageByRound.join(' / ')],
          ['p50 ms', (r) => r.p50Ms],
          ['p95 ms', (r) => r.p95Ms],
          ['p99 ms', (r) => r.p99Ms],
          ['p95 portfolio', (r) => r.p95ByKindMs.portfolio],
          ['p95 project', (r) => r.p95ByKindMs.project],
          ['p95 history', (r) => r.p95ByKindMs.history],
          ['errors', (r) => r.errors],
          ['served A/B', (r) => `${r.servedBy.A ?? 0}/${r.servedBy.B ?? 0}`],
          ['CPU ms/req A+B', (r) => round((r.cpuMsPerRequest.A ?? 0) + (r.cpuMsPerRequest.B ?? 0), 2)],
          ['CPU ms/req PG', (r) => r.cpuMsPerRequest.postgres ?? ''],
          ['CPU ms/req load+proxy', (r) => r.cpuMsPerRequest['load+proxy']],
          ['DB connections', (r) => r.databaseConnections],
        ],
        results,
      ),
    );
    console.log(
      `\nJobs: daily runs queued by the two schedulers: ${out.jobs.dailyRunsQueuedBySchedulers.map((d) => `${d.key} (ran on ${d.ranOn})`).join(', ') || 'none due yet at this hour'}`,
    );
    console.log(
      formatTable(
        [
          ['jobs', (r) => r[0]],
          ['count', (r) => r[1].jobs],
          ['done', (r) => r[1].done],
          ['retried', (r) => r[1].retried],
          ['ran on A', (r) => r[1].ranOn.A],
          ['ran on B', (r) => r[1].ranOn.B],
        ],
        [
          ['reminders.scan', out.jobs.reminderScans],
          ['mail.deliver', out.jobs.mailJobs],
        ],
      ),
    );
    console.log(
      `Reminders created: ${out.jobs.notificationsTotal} (${Object.entries(out.jobs.notifications)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )}), ${jobs.dupes} twice; e-mails: ${jobs.outbox.length} in the outbox, ${received.messages} received by SMTP, ${duplicated} twice, ${missing} missing`,
    );
    console.log(`Scan results per instance: ${JSON.stringify(scanLines)}\n`);
    console.log(
      formatTable(
        [
          ['check', (c) => c.name],
          ['result', (c) => (c.ok ? 'ok' : `FAILED ${c.detail}`)],
        ],
        checks,
      ),
    );
    console.log('\nWrote bench/results/scale-out.json');
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    for (const p of proxies) await p.close().catch(() => undefined);
    for (const s of instances) await stopInstance(s);
    await smtp.close();
    if (process.env.BENCH_KEEP_DB) console.log(`Kept the database ${dbName} (BENCH_KEEP_DB)`);
    else
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
        console.warn(`Could not drop ${dbName}: ${e.message}`),
      );
    await embedded?.stop();
  }
}

// The main thread runs the benchmark; a worker thread started from this file is a proxy.
if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  runProxy(workerData.upstreams);
}
