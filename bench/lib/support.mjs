// Helpers the benchmarks share (bench/run.mjs runs only the files directly in bench/, not this folder).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

const { Client } = createRequire(import.meta.url)('pg');

/** Runs `work` with a connected client, and ends it. */
export async function withClient(url, work) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The same server address with another database. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A process's resident memory in MB (Linux), or null. */
export function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A small seeded random generator (mulberry32): the same data on every run. */
export function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A hard stop, so a benchmark never runs away. */
export function stopAfter(minutes) {
  setTimeout(() => {
    console.error(`Benchmark took longer than ${minutes} minutes: stopping.`);
    process.exit(2);
  }, minutes * 60_000).unref();
}

/** Waits until `${base}/api/health` answers 200; throws when `server` (a child process) exits first, or after `ms`. */
export async function waitForHealth(base, server, ms = 180_000) {
  const until = Date.now() + ms; // migrations (and demo data) run at start
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer /api/health within ${ms / 1000} s`);
}

/** Signs in at `base`; answers the session's cookie header and CSRF token. `headers` go along (X-Forwarded-For…). */
export async function signIn(base, email, password, headers = {}) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = await res.json();
  return { cookie, csrf: csrfToken };
}

/** The p-th percentile (nearest rank) of numbers sorted ascending; NaN for none. */
export const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

let clockTicks = null;
/**
 * CPU seconds (user + system) a process has used (Linux /proc), or null: its own, those of children it
 * has waited for, and with `tree` those of its live children too, so a PostgreSQL postmaster counts its
 * backends, the live and the ended.
 */
export function cpuSeconds(pid, { tree = false } = {}) {
  clockTicks ??= (() => {
    try {
      return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      return 100;
    }
  })();
  // Fields after the ")" that closes the command name: state ppid … utime(11) stime(12) cutime(13) cstime(14).
  const stat = (p) => {
    try {
      const text = readFileSync(`/proc/${p}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const own = stat(pid);
  if (!own) return null;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  if (tree) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const s = stat(entry);
      if (s && Number(s[1]) === pid) ticks += Number(s[11]) + Number(s[12]);
    }
  }
  return ticks / clockTicks;
}

/** A plain-text table: `cols` are [heading, row => value]; the first column left-aligned, the others right. */
export function formatTable(cols, rows) {
  const cells = rows.map((r) => cols.map(([, f]) => String(f(r) ?? '')));
  const widths = cols.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => values.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  return [line(cols.map(([h]) => h)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/**
 * The Node flags the server runs with in production (`npm run serve`, the Dockerfile): a heap limit that
 * makes V8 collect before the process grows (live heap is ~60 MB; without a limit RSS drifted to 350 MB
 * under load). BENCH_SERVER_NODE_ARGS replaces them, e.g. "" to bench V8's default.
 */
export function serverNodeArgs() {
  const given = process.env.BENCH_SERVER_NODE_ARGS;
  return (given ?? '--max-old-space-size=256').split(' ').filter(Boolean);
}

/**
 * Starts the built server (`<dist>/main.js`) on a free port against `url`, with the demo data, jobs off and
 * the production heap limit, and resolves once it answers /api/health: `{ server, base }`. `env` adds to or
 * overrides the defaults; `onStdout` reads the request log from the first byte. On a failed start the
 * server's last words are printed and the process killed.
 */
export async function startBuiltServer({ dist, cwd, url, env = {}, onStdout = null }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [...serverNodeArgs(), join(dist, 'main.js')], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      SEED_DEMO_DATA: 'true',
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: '',
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', onStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  if (onStdout) server.stdout.on('data', onStdout);
  let stderr = '';
  server.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await waitForHealth(base, server);
  } catch (e) {
    console.error(stderr);
    server.kill('SIGKILL');
    throw e;
  }
  return { server, base };
}

/**
 * A fresh database for one benchmark: on DATABASE_URL's server, else on an embedded PostgreSQL in `dataDir`
 * (started with the built server's `startEmbeddedPostgres`). `{ url, embedded, dispose }`: `dispose()` drops
 * the database (kept with BENCH_KEEP_DB=1) and stops the embedded server.
 */
export async function openBenchDatabase({ name, startEmbeddedPostgres, dataDir, port }) {
  let embedded = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.log(`Starting an embedded PostgreSQL (${dataDir})…`);
    embedded = await startEmbeddedPostgres({ dataDir, port, database: 'postgres', quiet: true });
    adminUrl = embedded.url;
  }
  const dbName = `nvr_bench_${name}_${process.pid}`;
  const dispose = async () => {
    if (process.env.BENCH_KEEP_DB) console.log(`Kept the database ${dbName} (BENCH_KEEP_DB)`);
    else
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch((e) =>
        console.warn(`Could not drop ${dbName}: ${e.message}`),
      );
    await embedded?.stop();
  };
  try {
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.query(`CREATE DATABASE "${dbName}"`);
    });
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return { url: withDatabase(adminUrl, dbName), embedded, dispose };
}

/** Stops a server started by startBuiltServer (SIGTERM, then waits for it to exit). */
export async function stopServer(server) {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}
