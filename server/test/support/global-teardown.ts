import { TEST_ENV, withAdmin } from './postgres';

/** Drops the templates (the migrated one, the one with the demo data) and any test database a crashed file left behind, then stops an embedded Postgres. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (adminUrl && template) {
    await withAdmin(adminUrl, async (c) => {
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  }
  delete process.env[TEST_ENV.template];
  delete process.env[TEST_ENV.demoTemplate];
  const state = globalThis as { __nvrStopPostgres?: () => Promise<void> };
  const stop = state.__nvrStopPostgres;
  state.__nvrStopPostgres = undefined;
  await stop?.();
}
