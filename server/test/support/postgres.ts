import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { repoRoot } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * Test databases: one Postgres per test run (DATABASE_URL, or an embedded one), a template database with
 * the real migrations applied once, and a fresh copy of the template for every test file.
 */
export const TEST_ENV = {
  adminUrl: 'NVR_TEST_ADMIN_URL',
  template: 'NVR_TEST_TEMPLATE',
  demoTemplate: 'NVR_TEST_DEMO_TEMPLATE',
  embedded: 'NVR_TEST_EMBEDDED',
} as const;

/**
 * Each run gets its own embedded cluster (own folder, free port), so two test runs at once never share
 * one; the folder is removed when the run ends.
 */
export async function startTestPostgres(): Promise<{ adminUrl: string; embedded: boolean; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: process.env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const dataDir = join(repoRoot, '.data', 'pg-test', String(process.pid));
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? (await freePort()));
  const db = await startEmbeddedPostgres({ dataDir, port, database: 'postgres', quiet: true });
  return {
    adminUrl: db.url,
    embedded: true,
    stop: async () => {
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(adminUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** (Re)creates the template database and runs every migration in it. */
export async function prepareTemplate(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const ds = await new DataSource(dataSourceOptions(urlFor(adminUrl, name))).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/**
 * (Re)creates a second template from the migrated one with the demo data seeded, once per run: the browser
 * tests each start on the demo data, and copying a database costs a fraction of seeding it.
 */
export async function prepareDemoTemplate(
  adminUrl: string,
  template: string,
  name: string,
  seed: (db: DataSource) => Promise<unknown>,
): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  });
  const ds = await new DataSource(dataSourceOptions(urlFor(adminUrl, name))).initialize();
  try {
    await seed(ds);
  } finally {
    await ds.destroy();
  }
}

/** A fresh database for one test file, copied from the migrated template (or from the one with the demo data). */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = required(TEST_ENV.adminUrl);
  const template = required(options.demo ? TEST_ENV.demoTemplate : TEST_ENV.template);
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: urlFor(adminUrl, name),
    drop: () => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

function required(key: string): string {
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: run tests through jest (npm test), whose global setup starts Postgres.`);
  return value;
}
