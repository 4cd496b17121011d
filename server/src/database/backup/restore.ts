import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { migrations } from '../../../../migrations';
import { dataSourceOptions } from '../data-source-options';
import { execute, queryRows } from '../sql';
import { BackupError, MIGRATIONS_TABLE, parseBodyLine, parseHeader, type BackupHeader } from './backup-format';
import { databaseName, TEXT_SETTINGS } from './backup';
import { appliedMigrations, ident, listTables, qualified, tablesWithRows, type TableInfo } from './catalog';

export interface RestoreOptions {
  /** Replace whatever the database holds (every table is emptied first, in the same transaction). */
  force?: boolean;
  /** Progress messages. */
  log?: (message: string) => void;
}

export interface RestoreResult {
  header: BackupHeader;
  /** Migrations run to bring the database to the backup's schema. */
  migrationsRun: string[];
  rows: Record<string, number>;
  ms: number;
}

/** Rows sent per INSERT, and at most this many characters of them. */
const INSERT_ROWS = 500;
const INSERT_CHARS = 8 * 1024 * 1024;

const APP_CONNECTION = 'naeringsvennlig-region';

/**
 * Restores a backup made by `backupDatabase` into the database at `url`, which must be empty (nothing but
 * the migrations has written to it) unless `force`: runs this app's migrations up to the backup's, then loads every row
 * and sequence in one transaction, so the database ends up either fully restored or unchanged.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const header = await readHeader(file);
  const wanted = migrationsUpTo(header);

  const client = new Client({ connectionString: url, application_name: `${APP_CONNECTION}-restore` });
  await client.connect();
  try {
    const running = await queryRows<{ n: number }>(
      client,
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1`,
      [APP_CONNECTION],
    );
    if (running[0].n > 0) {
      throw new BackupError(
        `The app is connected to the database ${databaseName(url)} (${running[0].n} connection${running[0].n === 1 ? '' : 's'}): stop it before restoring.`,
      );
    }
    const before = await listTables(client);
    const inBackup = new Set(header.migrations.map((m) => m.name));
    const newer = (await appliedMigrations(client, before)).filter((m) => !inBackup.has(m.name));
    if (newer.length) {
      throw new BackupError(
        `The database ${databaseName(url)} has migrations the backup does not (${newer.map((m) => m.name).join(', ')}): ` +
          `its schema is newer than the backup's. Restore into an empty database.`,
      );
    }
    await refuseIfNotEmpty(client, before, url, options.force);

    const migrationsRun = await runMigrations(url, wanted);
    if (migrationsRun.length) log(`Ran migrations: ${migrationsRun.join(', ')}`);

    const rows = await load(client, file, header, url, options.force);
    await execute(client, 'ANALYZE');
    return { header, migrationsRun, rows, ms: Math.round(performance.now() - started) };
  } finally {
    await client.end();
  }
}

/** The first line of the file, checked: the file exists, is gzip, and is a backup in a format this app reads. */
export async function readHeader(file: string): Promise<BackupHeader> {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new BackupError(`No backup file at ${file}.`);
  }
  if (!isFile) throw new BackupError(`${file} is not a file.`);
  for await (const line of readLines(file)) return parseHeader(line, file);
  return parseHeader(undefined, file);
}

/** This app's migrations that the backup has applied; refuses a backup with migrations this app does not know. */
function migrationsUpTo(header: BackupHeader): (new () => MigrationInterface)[] {
  const known = new Map(migrations.map((m) => [migrationName(m), m]));
  const unknown = header.migrations.filter((m) => !known.has(m.name));
  if (unknown.length) {
    throw new BackupError(
      `The backup was made by a newer version of the app: it has migrations this version does not know ` +
        `(${unknown.map((m) => m.name).join(', ')}). Restore it with that version of the app or a later one.`,
    );
  }
  const inBackup = new Set(header.migrations.map((m) => m.name));
  return migrations.filter((m) => inBackup.has(migrationName(m)));
}

function migrationName(m: new () => MigrationInterface): string {
  return new m().name ?? m.name;
}

async function runMigrations(url: string, wanted: (new () => MigrationInterface)[]): Promise<string[]> {
  const options = dataSourceOptions(url);
  const ds = await new DataSource({
    ...options,
    migrations: wanted,
    extra: { ...(options.extra as Record<string, unknown> | undefined), application_name: `${APP_CONNECTION}-restore` },
  } as typeof options).initialize();
  try {
    return (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

async function refuseIfNotEmpty(client: Client, tables: TableInfo[], url: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const withRows = await tablesWithRows(client, tables);
  if (withRows.length) {
    const named = withRows.length > 5 ? `${withRows.slice(0, 5).join(', ')} and ${withRows.length - 5} more` : withRows.join(', ');
    throw new BackupError(
      `The database ${databaseName(url)} is not empty (rows in ${named}). ` +
        `Restore into an empty database, or add --force to replace everything in it with the backup.`,
    );
  }
}

/** Empties every table and loads the backup's rows and sequences, in one transaction. */
async function load(
  client: Client,
  file: string,
  header: BackupHeader,
  url: string,
  force: boolean | undefined,
): Promise<Record<string, number>> {
  await execute(client, 'BEGIN');
  try {
    try {
      // Rows go in as they come, whatever the foreign keys; no trigger fires.
      await execute(client, 'SET LOCAL session_replication_role = replica');
    } catch (e) {
      throw new BackupError(
        `Restoring needs a superuser, or a role allowed to set session_replication_role ` +
          `(PostgreSQL 15 or newer: GRANT SET ON PARAMETER session_replication_role TO the role). (${(e as Error).message})`,
      );
    }
    for (const sql of TEXT_SETTINGS) await execute(client, sql);
    const tables = new Map((await listTables(client)).map((t) => [t.name, t]));
    const missing = header.tables.filter((t) => !tables.has(t));
    if (missing.length) {
      throw new BackupError(
        `The backup has tables that this app's migrations do not create (${missing.join(', ')}): was it made from another database than this app's?`,
      );
    }
    const all = [...tables.values()];
    await execute(client, `LOCK TABLE ${all.map((t) => qualified(t.name)).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    await refuseIfNotEmpty(client, all, url, force);
    // The migrations table too: the backup's own rows replace the ones the migrations just wrote.
    const emptied = all.filter((t) => t.name !== MIGRATIONS_TABLE || header.tables.includes(MIGRATIONS_TABLE));
    await execute(client, `TRUNCATE ${emptied.map((t) => qualified(t.name)).join(', ')} RESTART IDENTITY`);

    const counts: Record<string, number> = Object.fromEntries(header.tables.map((t) => [t, 0]));
    let batch = null as { table: TableInfo; rows: string[]; chars: number } | null;
    const flush = async () => {
      if (!batch?.rows.length) return;
      const columns = batch.table.columns.filter((c) => !c.generated).map((c) => ident(c.name));
      const target = qualified(batch.table.name);
      await execute(
        client,
        `INSERT INTO ${target} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE
         SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${target}, $1::jsonb)`,
        [`[${batch.rows.join(',')}]`],
      );
      counts[batch.table.name] += batch.rows.length;
      batch = null;
    };

    let lineNumber = 0;
    let ended = false;
    for await (const line of readLines(file)) {
      lineNumber += 1;
      if (lineNumber === 1) continue; // the header
      if (ended) throw new BackupError(`${file} has lines after its end line: the file is damaged.`);
      const entry = parseBodyLine(line, lineNumber);
      if (entry.kind === 'row') {
        if (batch?.table.name !== entry.table) {
          await flush();
          const table: TableInfo | undefined = header.tables.includes(entry.table) ? tables.get(entry.table) : undefined;
          if (!table)
            throw new BackupError(`Line ${lineNumber} is a row of ${entry.table}, a table the backup does not list: the file is damaged.`);
          batch = { table, rows: [], chars: 0 };
        }
        const current = batch!;
        current.rows.push(entry.rowJson);
        current.chars += entry.rowJson.length;
        if (current.rows.length >= INSERT_ROWS || current.chars >= INSERT_CHARS) await flush();
      } else if (entry.kind === 'sequence') {
        await flush();
        const { sequence, lastValue, isCalled } = entry.sequence;
        await execute(client, `SELECT setval($1::regclass, $2::bigint, $3::boolean)`, [qualified(sequence), lastValue, isCalled]);
      } else {
        await flush();
        const wrong = header.tables.filter((t) => (entry.trailer.rows[t] ?? 0) !== counts[t]);
        if (wrong.length) {
          throw new BackupError(`The row counts in ${file} do not add up (${wrong.join(', ')}): the file is damaged.`);
        }
        ended = true;
      }
    }
    if (!ended) throw new BackupError(`${file} ends early: the backup is incomplete. Nothing was restored.`);
    // Triggers did not fire (replica role), so tell any running instance to forget every session it keeps;
    // NOTIFY is delivered when this commits.
    await execute(client, `SELECT pg_notify('nvr_auth', '*')`);
    await execute(client, 'COMMIT');
    return counts;
  } catch (e) {
    await execute(client, 'ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** The file's lines, uncompressed as they are read; a file that is not gzip, or is cut off, gives a BackupError. */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  gunzip.setEncoding('utf8');
  // A line may span many chunks (a row with a large file): collect its pieces, join once.
  let pieces: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      let start = 0;
      let end: number;
      while ((end = chunk.indexOf('\n', start)) >= 0) {
        pieces.push(chunk.slice(start, end));
        const line = pieces.join('');
        pieces = [];
        yield line;
        start = end + 1;
      }
      if (start < chunk.length) pieces.push(chunk.slice(start));
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'Z_DATA_ERROR') throw new BackupError(`${file} is not a backup made by "npm run backup" (not gzip-compressed data).`);
    if (code === 'Z_BUF_ERROR') throw new BackupError(`${file} is cut off: the backup is incomplete. Nothing was restored.`);
    throw e;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (pieces.length) yield pieces.join('');
}
