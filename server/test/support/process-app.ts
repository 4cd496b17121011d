import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../src/config/app-config';
import { isAlive, readPostmasterPid } from '../../src/database/embedded-postgres';

/** The built server, as `npm start` runs it (NVR_MAIN_JS points at another build). */
export const MAIN_JS = process.env.NVR_MAIN_JS || join(repoRoot, 'server/dist/server/src/main.js');

/**
 * These tests run the built server as a child process. `npm test` builds first; when run on their own
 * and the build is missing, build shared and server here (tsc emits even when another file has type errors).
 */
export function ensureServerBuilt(): void {
  if (existsSync(MAIN_JS)) return;
  spawnSync('npm run build -w shared && npm run build -w server', { cwd: repoRoot, shell: true, stdio: 'inherit' });
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing and the build did not make it: run npm run build`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh DATA_DIR under the temp folder, open to the postgres user (the server runs PostgreSQL as that user when we are root). */
export async function newDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `nvr-${prefix}-`));
  await chmod(dir, 0o755);
  return dir;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  pgPort: number;
  dataDir: string;
  baseUrl: string;
  /** Every line the server wrote (stdout and stderr), JSON when LOG_FORMAT=json. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Log messages (the `message` of each JSON line). */
  messages(): string[];
}

export interface StartOptions {
  dataDir: string;
  pgPort: number;
  port?: number;
  seed?: boolean;
  jobs?: boolean;
  /** Extra environment, e.g. to break the start on purpose. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Starts `node server/dist/server/src/main.js` and resolves once GET /api/health answers 200. */
export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const server = spawnServer({ ...options, port: options.port ?? (await freePort()) });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  void server.exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit) throw new Error(`The server exited (${JSON.stringify(exit)}) before it answered:\n${tail(server)}`);
    // Only once this process says it listens: before that, another suite's app that took the same free port
    // in the meantime could answer the health check (seen in a full run: the check passed in 5 s against a
    // server that was still initialising its PostgreSQL).
    if (!server.messages().some((m) => m.startsWith('Næringsvennlig region is running at'))) {
      await sleep(100);
      continue;
    }
    try {
      const res = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  server.child.kill('SIGKILL');
  throw new Error(`The server did not answer /api/health in time:\n${tail(server)}`);
}

/** Spawns the server without waiting for it (for starts that are meant to fail). */
export function spawnServer(options: StartOptions & { port: number }): ServerProcess {
  const port = options.port;
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    DATA_DIR: options.dataDir,
    EMBEDDED_PG_PORT: String(options.pgPort),
    SEED_DEMO_DATA: String(options.seed ?? false),
    WEB_DIST_DIR: '',
    JOBS_ENABLED: String(options.jobs ?? false),
    LOG_FORMAT: 'json',
    LOG_LEVEL: 'log',
    ...options.env,
  };
  delete env.DATABASE_URL; // these tests are about the embedded PostgreSQL
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, [MAIN_JS], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid: child.pid as number,
    port,
    pgPort: options.pgPort,
    dataDir: options.dataDir,
    baseUrl: `http://127.0.0.1:${port}`,
    lines,
    exited,
    messages: () =>
      lines.map((l) => {
        try {
          const m = (JSON.parse(l) as { message?: unknown }).message;
          return typeof m === 'string' ? m : JSON.stringify(m);
        } catch {
          return l;
        }
      }),
  };
}

/** Sends a signal and waits for the process to end. */
export async function stopServer(
  server: ServerProcess,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  server.child.kill(signal);
  return server.exited;
}

/** The postmaster of `<DATA_DIR>/pg` as its pid file names it, and whether that process still runs. */
export function postmasterOf(dataDir: string): { pid: number; port: number; alive: boolean } | null {
  const lock = readPostmasterPid(join(dataDir, 'pg'));
  return lock ? { pid: lock.pid, port: lock.port, alive: isAlive(lock.pid) } : null;
}

/** Stops a PostgreSQL a failed test may have left on the data folder, then removes the folder. */
export async function removeDataDir(dataDir: string): Promise<void> {
  const pm = postmasterOf(dataDir);
  if (pm?.alive) {
    process.kill(pm.pid, 'SIGQUIT');
    for (let i = 0; i < 100 && isAlive(pm.pid); i++) await sleep(100);
  }
  await rm(dataDir, { recursive: true, force: true });
}

export function tail(server: ServerProcess, n = 30): string {
  return server.lines.slice(-n).join('\n');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
