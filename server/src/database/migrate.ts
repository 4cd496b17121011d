import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ensureInitialAdmin, seedDemoData } from './seed/seed';
import { execute, queryOne } from './sql';

/**
 * The session advisory lock every instance holds while it migrates: 'NVR_MIGR' in ASCII as one bigint.
 * Outside the int4 range of the hashtext() keys the sign-in limits lock, so never one of theirs.
 */
export const MIGRATION_LOCK_KEY = '5644789752227514194';

/**
 * Runs pending migrations, then loads the demo data once if asked to, and creates the first administrator.
 * Several instances may start at once against one database: each waits for the advisory lock, so one runs
 * the migrations and the others find the schema up to date. Without it the second fails on the first
 * CREATE TABLE (TypeORM's runMigrations takes no lock).
 */
export async function migrate(databaseUrl: string, config: Pick<AppConfig, 'seedDemoData' | 'initialAdmin'>, log: Logger): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  // The lock belongs to this connection's session: it ends, and the lock with it, if the process dies.
  const lock = ds.createQueryRunner();
  try {
    await lock.connect();
    const free = await queryOne<{ locked: boolean }>(lock, 'SELECT pg_try_advisory_lock($1::bigint) AS locked', [MIGRATION_LOCK_KEY]);
    if (!free?.locked) {
      log.log('Another instance is migrating the database: waiting for it');
      await execute(lock, 'SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    log.log(ran.length ? `Ran migrations: ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date');
    if (config.seedDemoData) {
      const seeded = await seedDemoData(ds);
      if (seeded.length) log.log(`Loaded demo data: ${seeded.join(', ')} (demo accounts: see README)`);
    }
    if (await ensureInitialAdmin(ds, config.initialAdmin)) log.log(`Created the administrator account ${config.initialAdmin?.email}`);
  } finally {
    // Closing the pool ends the session and frees the lock anyway; unlocking first frees it at once.
    await execute(lock, 'SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
