import type { ClientBase } from 'pg';
import { queryRows } from '../sql';
import { MIGRATIONS_TABLE, type AppliedMigration } from './backup-format';

/** A table of schema public as the backup sees it. */
export interface TableInfo {
  name: string;
  /** Columns in table order, with what an INSERT must know about them. */
  columns: { name: string; type: string; generated: boolean }[];
}

/** `"name"`, for an identifier that comes from the catalogue. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const qualified = (name: string): string => `public.${ident(name)}`;

/** Every ordinary table of schema public (the typeorm migrations table too, extensions' tables not), by name. */
export async function listTables(client: ClientBase): Promise<TableInfo[]> {
  const rows = await queryRows<{ name: string; columns: TableInfo['columns'] | null }>(
    client,
    `
    SELECT c.relname::text AS name,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'generated', a.attgenerated <> '')
               ORDER BY a.attnum)
         FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname COLLATE "C"`,
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns ?? [] }));
}

/** Every sequence of schema public (serial and identity columns' too), by name. */
export async function listSequences(client: ClientBase): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    client,
    `
    SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
    ORDER BY c.relname COLLATE "C"`,
  );
  return rows.map((r) => r.name);
}

/** The migrations TypeORM has applied, oldest first; empty when the database has no migrations table. */
export async function appliedMigrations(client: ClientBase, tables: TableInfo[]): Promise<AppliedMigration[]> {
  if (!tables.some((t) => t.name === MIGRATIONS_TABLE)) return [];
  return queryRows<AppliedMigration>(
    client,
    `SELECT id, timestamp::text AS timestamp, name FROM ${qualified(MIGRATIONS_TABLE)} ORDER BY timestamp, id`,
  );
}

/**
 * Tables whose rows the migrations themselves write (the migrations table, and the template library that
 * PlansBudgetsTemplates loads): a just-migrated database has rows there and is still empty. A test checks
 * that a freshly migrated database has no rows anywhere else.
 */
export const LOADED_BY_MIGRATIONS = [MIGRATIONS_TABLE, 'template', 'template_version'];

/**
 * The app tables holding rows, but for those the migrations write (a template added by an admin comes
 * with an account, so a database with one is never taken for empty). Empty means: nobody has used it.
 */
export async function tablesWithRows(client: ClientBase, tables: TableInfo[]): Promise<string[]> {
  const app = tables.filter((t) => !LOADED_BY_MIGRATIONS.includes(t.name));
  if (!app.length) return [];
  const rows = await queryRows<Record<string, boolean>>(
    client,
    `SELECT ${app.map((t, i) => `EXISTS (SELECT 1 FROM ${qualified(t.name)}) AS t${i}`).join(', ')}`,
  );
  return app.filter((_, i) => rows[0][`t${i}`]).map((t) => t.name);
}
