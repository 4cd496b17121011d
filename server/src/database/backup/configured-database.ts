import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../../config/app-config';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres';
import { BackupError } from './backup-format';

export interface ConfiguredDatabase {
  url: string;
  /** Stops the embedded PostgreSQL if this process started it; leaves a running app's alone. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'naeringsvennlig_region';
// The embedded server's account, as embedded-postgres.ts creates it (local only, 127.0.0.1).
const EMBEDDED_USER = 'nvr';
const EMBEDDED_PASSWORD = 'nvr-local-only';

/**
 * The app's database, found the way the app finds it: DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR on EMBEDDED_PG_PORT. When the app runs, its embedded server answers on that port and is used
 * as it is; otherwise this process starts it (and stops it in `close`).
 */
export async function openConfiguredDatabase(config: AppConfig, purpose: 'backup' | 'restore'): Promise<ConfiguredDatabase> {
  const none = async () => undefined;
  if (config.databaseUrl) {
    if (purpose === 'restore') await ensureDatabase(config.databaseUrl);
    return { url: config.databaseUrl, close: none };
  }
  const url = `postgres://${EMBEDDED_USER}:${encodeURIComponent(EMBEDDED_PASSWORD)}@127.0.0.1:${config.embeddedPgPort}/${EMBEDDED_DATABASE}`;
  const state = await probe(url);
  if (state === 'answers') return { url, close: none };
  if (state === 'no-database') {
    if (purpose === 'backup')
      throw new BackupError(`The embedded PostgreSQL on port ${config.embeddedPgPort} has no app database: nothing to back up.`);
    await ensureDatabase(url);
    return { url, close: none };
  }
  const dataDir = join(config.dataDir, 'pg');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (purpose === 'backup' && !asRoot && !existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`No embedded database in ${dataDir}: nothing to back up. Set DATA_DIR (or DATABASE_URL) as for the app.`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, database: EMBEDDED_DATABASE, quiet: true });
  return { url: embedded.url, close: () => embedded.stop() };
}

/** Whether the app's embedded server answers on the port; anything unexpected counts as no (starting it tells why). */
async function probe(url: string): Promise<'answers' | 'no-database' | 'nothing'> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return 'answers';
  } catch (e) {
    await client.end().catch(() => undefined);
    return (e as { code?: string }).code === '3D000' ? 'no-database' : 'nothing';
  }
}
