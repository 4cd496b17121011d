import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrations } from '../../migrations';
import { migrate } from '../src/database/migrate';
import { DEMO_USERS } from '../src/database/seed/demo-data';
import { TEST_ENV, urlFor, withAdmin } from './support/postgres';

/** Instances that start together against one database (docker compose --profile scale, a rolling deploy) all migrate at start. */
describe('migrations at start from several instances at once', () => {
  const adminUrl = process.env[TEST_ENV.adminUrl] ?? '';
  const name = `nvr_migrate_${randomBytes(5).toString('hex')}`;
  const url = urlFor(adminUrl, name);
  const quiet = { log: () => undefined } as unknown as Logger;

  beforeAll(() => withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`)));
  afterAll(() => withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  it('four starts on an empty database all succeed, and each migration, demo step and the first admin happen once', async () => {
    const config = { seedDemoData: true, initialAdmin: { email: 'first-admin@example.no', password: 'a-long-admin-password' } };
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => migrate(url, config, quiet)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const ran = await client.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
      expect(ran.rows).toHaveLength(migrations.length);
      expect(ran.rows.every((r) => r.n === 1)).toBe(true);
      const admins = await client.query(`SELECT 1 FROM app_user WHERE email = 'first-admin@example.no'`);
      expect(admins.rowCount).toBe(1);
      const demo = await client.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [DEMO_USERS[0].email]);
      expect(demo.rowCount).toBe(1);
      // The lock is given back: nobody holds it once every start is done.
      const held = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`);
      expect(held.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
