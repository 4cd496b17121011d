/**
 * The backup file: gzip-compressed JSON lines (`.jsonl.gz`).
 *
 *   line 1    the header: format, format version, when, server version, applied migrations, tables
 *   then      one line per row, `{"table":"kommune","row":{…}}`, each table's rows together, tables by name
 *   then      one line per sequence, `{"sequence":"outbox_id_seq","lastValue":"12","isCalled":true}`
 *   last      the trailer, `{"end":true,"rows":{"kommune":12,…}}`, so a cut-off file is noticed
 *
 * A row is PostgreSQL's own `to_jsonb(row)`, written and read back as text without JSON.parse in between,
 * so numeric, bigint, bytea (hex), timestamptz, jsonb, arrays and uuid come back exactly as they were.
 */
export const BACKUP_FORMAT = 'naeringsvennlig-region-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** The TypeORM table that lists applied migrations. */
export const MIGRATIONS_TABLE = 'migrations';

export interface AppliedMigration {
  id: number;
  timestamp: string;
  name: string;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  serverVersion: string;
  database: string;
  migrations: AppliedMigration[];
  tables: string[];
}

export interface SequenceLine {
  sequence: string;
  /** A bigint, as text. */
  lastValue: string;
  isCalled: boolean;
}

export interface TrailerLine {
  end: true;
  rows: Record<string, number>;
}

/** A refusal or a problem with the file: the CLI prints the message alone, without a stack. */
export class BackupError extends Error {}

const ROW_PREFIX = /^\{"table":("(?:[^"\\]|\\.)*"),"row":/;

export function rowLine(table: string, rowJson: string): string {
  return `{"table":${JSON.stringify(table)},"row":${rowJson}}\n`;
}

export type BodyLine =
  { kind: 'row'; table: string; rowJson: string } | { kind: 'sequence'; sequence: SequenceLine } | { kind: 'end'; trailer: TrailerLine };

/** Reads one line after the header; the row stays text for PostgreSQL to parse. */
export function parseBodyLine(line: string, lineNumber: number): BodyLine {
  const row = ROW_PREFIX.exec(line);
  if (row && line.endsWith('}')) {
    return { kind: 'row', table: JSON.parse(row[1]) as string, rowJson: line.slice(row[0].length, -1) };
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupError(`Line ${lineNumber} of the backup is not valid: the file is damaged.`);
  }
  if (isRecord(value) && typeof value.sequence === 'string' && typeof value.lastValue === 'string') {
    return { kind: 'sequence', sequence: value as unknown as SequenceLine };
  }
  if (isRecord(value) && value.end === true && isRecord(value.rows)) {
    return { kind: 'end', trailer: value as unknown as TrailerLine };
  }
  throw new BackupError(`Line ${lineNumber} of the backup is not a row, a sequence or the end: the file is damaged.`);
}

/** Checks the first line; answers the header or says clearly why the file is not one of our backups. */
export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let value: unknown;
  try {
    value = line === undefined ? undefined : JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not a backup made by "npm run backup".`);
  }
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} is a backup in format version ${String(value.formatVersion)}; this version of the app reads format version ${BACKUP_FORMAT_VERSION} only.`,
    );
  }
  if (!Array.isArray(value.migrations) || !Array.isArray(value.tables)) {
    throw new BackupError(`The header of ${file} is incomplete: the file is damaged.`);
  }
  return value as unknown as BackupHeader;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
