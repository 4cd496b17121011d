import 'reflect-metadata';
import { prepareTemplate, startTestPostgres, TEST_ENV } from './postgres';

/** Starts Postgres once for the run and migrates the template database; test files copy it. */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_ENV.template]) return; // another project of this run has done it already
  const pg = await startTestPostgres();
  const template = `nvr_test_${process.pid}`;
  await prepareTemplate(pg.adminUrl, template);
  process.env[TEST_ENV.adminUrl] = pg.adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.embedded] = pg.embedded ? '1' : '';
  (globalThis as { __nvrStopPostgres?: () => Promise<void> }).__nvrStopPostgres = pg.stop;
}
