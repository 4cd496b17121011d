import type { ClientBase } from 'pg';
import { AdvancedConsoleLogger, DataSource, EntityManager, QueryRunner } from 'typeorm';
import { countStatement } from '../common/request-context';

/**
 * Anything that can run SQL: the data source, a transaction's entity manager, a query runner, or a
 * node-postgres client (the backup, restore and embedded-Postgres code, which run outside TypeORM).
 */
export type SqlRunner = DataSource | EntityManager | QueryRunner | ClientBase;

export interface SqlResult<T> {
  rows: T[];
  /** Rows inserted, updated or deleted (for SELECT: rows returned). */
  affected: number;
}

/**
 * Runs one SQL statement and answers its rows and row count, whatever the statement kind.
 *
 * `query()` of TypeORM's Postgres driver answers the rows for SELECT and INSERT, but `[rows, count]`
 * for UPDATE and DELETE, so `const [row] = await em.query('DELETE … RETURNING …')` gets the array of
 * rows, never undefined, and a not-found check on it never fires. Use this (or `queryRows`/`queryOne`)
 * for every statement whose result is read.
 */
export async function runSql<T = Record<string, unknown>>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<SqlResult<T>> {
  if (isPgClient(runner)) {
    countStatement(); // TypeORM's statements are counted by its logger (StatementCountingLogger)
    // Without parameters node-postgres sends the simple protocol, so a script of several statements runs too.
    const result = await runner.query(sql, [...params]);
    const records: unknown[] = result.rows;
    const rows = records as T[];
    return { rows, affected: result.rowCount ?? rows.length };
  }
  const { queryRunner, release } = queryRunnerOf(runner);
  try {
    const result = await queryRunner.query(sql, [...params], true);
    const records: unknown = result.records;
    // The caller's row interface describes the SELECT list beside it; nothing here can check it.
    const rows = Array.isArray(records) ? (records as T[]) : [];
    return { rows, affected: result.affected ?? rows.length };
  } finally {
    if (release) await queryRunner.release();
  }
}

/** The rows of one statement (SELECT, INSERT/UPDATE/DELETE … RETURNING). */
export async function queryRows<T = Record<string, unknown>>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T[]> {
  return (await runSql<T>(runner, sql, params)).rows;
}

/** The first row of one statement, or undefined when there is none. */
export async function queryOne<T = Record<string, unknown>>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T | undefined> {
  return (await runSql<T>(runner, sql, params)).rows[0];
}

/**
 * The first row of a statement that always answers one (INSERT … RETURNING without ON CONFLICT DO NOTHING,
 * an aggregate without GROUP BY); throws when it answers none.
 */
export async function queryOneOrFail<T = Record<string, unknown>>(
  runner: SqlRunner,
  sql: string,
  params: readonly unknown[] = [],
): Promise<T> {
  const row = await queryOne<T>(runner, sql, params);
  if (row === undefined) throw new Error(`The statement answered no row: ${sql.trim().slice(0, 80)}`);
  return row;
}

/** How many rows an INSERT, UPDATE or DELETE changed. */
export async function execute(runner: SqlRunner, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await runSql(runner, sql, params)).affected;
}

/**
 * The rows of one SELECT through `DataSource.query`, for reads whose statements a test counts with
 * `jest.spyOn(db, 'query')` (queryRows goes through a query runner and is not seen there); for a SELECT
 * both answer the same rows. Only for SELECT: `query()` answers `[rows, count]` for UPDATE and DELETE.
 */
export function selectRows<T>(db: DataSource, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return db.query<T[]>(sql, [...params]);
}

/**
 * The data source's logger: TypeORM's default one (which logs nothing unless `logging` is set), and every
 * statement TypeORM sends counted for the request running it (`statementCount()`, common/request-context.ts).
 */
export class StatementCountingLogger extends AdvancedConsoleLogger {
  override logQuery(...args: Parameters<AdvancedConsoleLogger['logQuery']>): void {
    countStatement();
    super.logQuery(...args);
  }
}

/** A node-postgres client: neither TypeORM's data source or entity manager, nor a query runner (which has a manager). */
function isPgClient(runner: SqlRunner): runner is ClientBase {
  return !(runner instanceof DataSource) && !(runner instanceof EntityManager) && !('manager' in runner);
}

function queryRunnerOf(runner: Exclude<SqlRunner, ClientBase>): { queryRunner: QueryRunner; release: boolean } {
  if (runner instanceof DataSource) return { queryRunner: runner.createQueryRunner(), release: true };
  if (runner instanceof EntityManager) {
    // A transaction's manager has its own query runner; the data source's manager has none.
    return runner.queryRunner
      ? { queryRunner: runner.queryRunner, release: false }
      : { queryRunner: runner.connection.createQueryRunner(), release: true };
  }
  return { queryRunner: runner, release: false };
}
