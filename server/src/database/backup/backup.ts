import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { execute, queryRows } from '../sql';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  MIGRATIONS_TABLE,
  rowLine,
  type BackupHeader,
  type SequenceLine,
  type TrailerLine,
} from './backup-format';
import { appliedMigrations, listSequences, listTables, qualified, type TableInfo } from './catalog';

export interface BackupResult {
  /** The file written, when given a path. */
  file: string | null;
  /** Size of the compressed backup. */
  bytes: number;
  /** Rows per table. */
  rows: Record<string, number>;
  ms: number;
}

/** Rows fetched per round trip; rows with files (bytea, up to 10 MB each) one at a time, so memory stays small. */
const FETCH_ROWS = 1000;
const FETCH_ROWS_WITH_FILES = 1;

/** Session settings that fix how values are written as text, for backup and restore alike. */
export const TEXT_SETTINGS = [
  `SET LOCAL bytea_output = 'hex'`,
  `SET LOCAL TimeZone = 'UTC'`,
  `SET LOCAL DateStyle = 'ISO, YMD'`,
  `SET LOCAL IntervalStyle = 'postgres'`,
  `SET LOCAL extra_float_digits = 1`,
  // A large table's scan may otherwise start where another scan is; this keeps the physical order.
  `SET LOCAL synchronize_seqscans = off`,
];

/** `nvr-20261202-142501.jsonl.gz` (UTC), the default name of a backup made at `at`. */
export function defaultBackupName(at: Date): string {
  const s = at.toISOString();
  return `nvr-${s.slice(0, 10).replace(/-/g, '')}-${s.slice(11, 19).replace(/:/g, '')}.jsonl.gz`;
}

/**
 * Writes one consistent, gzip-compressed dump of the whole database (every table of schema public, the
 * migrations table included, and every sequence) to `out`: a file path (written beside it first and
 * renamed when complete, so a failed backup leaves no half file) or a stream. Reads everything in one
 * read-only REPEATABLE READ transaction, so all tables come from one snapshot while the app keeps running,
 * and through a cursor, so memory stays flat whatever the size.
 */
export async function backupDatabase(url: string, out: string | Writable): Promise<BackupResult> {
  const started = performance.now();
  const client = new Client({ connectionString: url, application_name: 'naeringsvennlig-region-backup' });
  await client.connect();
  const partial = typeof out === 'string' ? `${out}.partial` : null;
  try {
    await execute(client, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const sql of TEXT_SETTINGS) await execute(client, sql);
    const tables = await listTables(client);
    if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) {
      throw new BackupError(`The database ${databaseName(url)} has no tables of this app (no migrations table): nothing to back up.`);
    }
    // Like pg_dump: no migration may change a table while it is read.
    await execute(client, `LOCK TABLE ${tables.map((t) => qualified(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    const info = await queryRows<{ created_at: string; server_version: string; database: string }>(
      client,
      `SELECT to_jsonb(now()) #>> '{}' AS created_at, current_setting('server_version') AS server_version, current_database() AS database`,
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: info[0].created_at,
      serverVersion: info[0].server_version,
      database: info[0].database,
      migrations: await appliedMigrations(client, tables),
      tables: tables.map((t) => t.name),
    };
    const rows: Record<string, number> = {};
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    let destination: Writable;
    if (partial) {
      await mkdir(dirname(partial), { recursive: true });
      destination = createWriteStream(partial, { mode: 0o600 });
    } else {
      destination = out as Writable;
    }
    await pipeline(Readable.from(lines(client, header, tables, rows)), createGzip(), counter, destination);
    await execute(client, 'COMMIT');
    if (partial) {
      // On disk before it gets its final name: a crash never leaves an empty file that looks complete.
      const handle = await open(partial, 'r+');
      await handle.sync().finally(() => handle.close());
      await rename(partial, out as string);
    }
    return { file: partial ? (out as string) : null, bytes, rows, ms: Math.round(performance.now() - started) };
  } catch (e) {
    await execute(client, 'ROLLBACK').catch(() => undefined);
    if (partial) await rm(partial, { force: true });
    throw e;
  } finally {
    await client.end();
  }
}

async function* lines(client: Client, header: BackupHeader, tables: TableInfo[], counts: Record<string, number>): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    counts[table.name] = 0;
    // In the table's physical order, as pg_dump reads it: restored in that order, the tables come back laid out
    // alike, so even a query that leaves ties unordered answers as before. to_jsonb keeps every type exact as text.
    await execute(
      client,
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(backup_row.*)::text AS r FROM ${qualified(table.name)} backup_row`,
    );
    const batch = table.columns.some((c) => c.type.startsWith('bytea')) ? FETCH_ROWS_WITH_FILES : FETCH_ROWS;
    for (;;) {
      const rows = await queryRows<{ r: string }>(client, `FETCH ${batch} FROM backup_rows`);
      if (!rows.length) break;
      counts[table.name] += rows.length;
      yield rows.map((row) => rowLine(table.name, row.r)).join('');
    }
    await execute(client, 'CLOSE backup_rows');
  }
  // Read after the rows: each sequence is at least as far as any row of the snapshot.
  for (const sequence of await listSequences(client)) {
    const rows = await queryRows<{ last_value: string; is_called: boolean }>(
      client,
      `SELECT last_value::text AS last_value, is_called FROM ${qualified(sequence)}`,
    );
    const line: SequenceLine = { sequence, lastValue: rows[0].last_value, isCalled: rows[0].is_called };
    yield `${JSON.stringify(line)}\n`;
  }
  const trailer: TrailerLine = { end: true, rows: counts };
  yield `${JSON.stringify(trailer)}\n`;
}

/** The database name of a URL, for messages (never the password). */
export function databaseName(url: string): string {
  try {
    const u = new URL(url);
    return `${decodeURIComponent(u.pathname.slice(1))} on ${u.hostname}:${u.port || 5432}`;
  } catch {
    return 'given';
  }
}
