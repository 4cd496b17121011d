import { existsSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { isAlive } from '../src/database/embedded-postgres';
import {
  ensureServerBuilt,
  freePort,
  newDataDir,
  postmasterOf,
  removeDataDir,
  ServerProcess,
  spawnServer,
  startServer,
  stopServer,
  tail,
} from './support/process-app';

/**
 * The embedded PostgreSQL's lifecycle, on the built server run as a child process (as `npm start` runs
 * it): a PostgreSQL orphaned by a SIGKILL is found and stopped at the next start, whatever port either
 * run uses, and every way out of the server stops its PostgreSQL.
 */
describe('embedded PostgreSQL lifecycle', () => {
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const start = async (pgPort: number) => {
    const s = await startServer({ dataDir, pgPort });
    servers.push(s);
    return s;
  };

  beforeAll(async () => {
    ensureServerBuilt();
    dataDir = await newDataDir('lifecycle');
  }, 300_000);

  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await removeDataDir(dataDir);
  });

  it('after a SIGKILL starts again on the same port and on another, and a SIGTERM leaves no PostgreSQL', async () => {
    const pgPort = await freePort();
    const first = await start(pgPort);
    const orphan = postmasterOf(dataDir);
    expect(orphan).toMatchObject({ port: pgPort, alive: true });
    // TCP only: a Unix socket's lock file in /tmp outlived a killed PostgreSQL that stayed a zombie, and
    // the next start on the same port refused ("lock file /tmp/.s.PGSQL.<port>.lock already exists").
    expect(existsSync(`/tmp/.s.PGSQL.${pgPort}.lock`)).toBe(false);

    // The finding: a killed server leaves its PostgreSQL running on the data folder.
    await stopServer(first, 'SIGKILL');
    expect(postmasterOf(dataDir)).toEqual(orphan);

    // (a) The next start on the same port stops the orphan and starts its own.
    const second = await start(pgPort);
    expect(second.messages()).toContain(
      `Found PostgreSQL (pid ${orphan?.pid}, port ${pgPort}) left running on the data folder by an earlier run; stopping it`,
    );
    expect(isAlive(orphan!.pid)).toBe(false);
    const secondPg = postmasterOf(dataDir);
    expect(secondPg).toMatchObject({ port: pgPort, alive: true });
    expect(secondPg?.pid).not.toBe(orphan?.pid);
    await stopServer(second, 'SIGKILL');

    // (b) After another SIGKILL, a start on another port works too (it used to fail on the lock file).
    const otherPort = await freePort();
    const third = await start(otherPort);
    expect(await (await fetch(`${third.baseUrl}/api/health`)).json()).toEqual({ status: 'ok', database: 'up' });
    expect(isAlive(secondPg!.pid)).toBe(false);
    const thirdPg = postmasterOf(dataDir);
    expect(thirdPg).toMatchObject({ port: otherPort, alive: true });

    // (c) A normal stop stops PostgreSQL: the pid file is gone and the process too.
    expect(await stopServer(third, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(postmasterOf(dataDir)).toBeNull();
    expect(isAlive(thirdPg!.pid)).toBe(false);
    expect(third.messages()).toEqual(
      expect.arrayContaining(['SIGTERM received, shutting down', `Stopped the embedded PostgreSQL (pid ${thirdPg?.pid})`]),
    );
  }, 180_000);

  it('a start that fails after PostgreSQL is up (HTTP port taken) stops it and exits 1', async () => {
    const blocker: Server = createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, r));
    try {
      const s = spawnServer({ dataDir, pgPort: await freePort(), port });
      servers.push(s);
      const exit = await s.exited;
      expect({ exit, log: tail(s, 5) }).toMatchObject({ exit: { code: 1, signal: null } });
      expect(s.messages().some((m) => m.startsWith('Could not start:') && m.includes('EADDRINUSE'))).toBe(true);
      expect(s.messages().some((m) => m.startsWith('Stopped the embedded PostgreSQL'))).toBe(true);
      expect(postmasterOf(dataDir)).toBeNull();
    } finally {
      blocker.close();
    }
  }, 120_000);
});
