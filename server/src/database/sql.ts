import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** Anything that can run SQL: the data source, a transaction's entity manager, or a query runner. */
export type SqlRunner = DataSource | EntityManager | QueryRunner;

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
  const { queryRunner, release } = queryRunnerOf(runner);
  try {
    const result = await queryRunner.query(sql, [...params], true);
    const rows: T[] = Array.isArray(result.records) ? result.records : [];
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

/** How many rows an INSERT, UPDATE or DELETE changed. */
export async function execute(runner: SqlRunner, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await runSql(runner, sql, params)).affected;
}

function queryRunnerOf(runner: SqlRunner): { queryRunner: QueryRunner; release: boolean } {
  if (runner instanceof DataSource) return { queryRunner: runner.createQueryRunner(), release: true };
  if (runner instanceof EntityManager) {
    // A transaction's manager has its own query runner; the data source's manager has none.
    return runner.queryRunner
      ? { queryRunner: runner.queryRunner, release: false }
      : { queryRunner: runner.connection.createQueryRunner(), release: true };
  }
  return { queryRunner: runner, release: false };
}
