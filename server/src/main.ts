import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { createApp, createLogger } from './create-app';
import { dataSourceOptions } from './database/data-source-options';
import { EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { ensureInitialAdmin, seedDemoData } from './database/seed/seed';
import { join } from 'node:path';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`${e.message}\nSee README.md, "Configuration".`);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config);
  Logger.overrideLogger(logger);
  const log = new Logger('Main');

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    await ensureDatabase(databaseUrl).catch((e: Error) => log.warn(`Could not check that the database exists: ${e.message}`));
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'pg'),
      port: config.embeddedPgPort,
      database: 'naeringsvennlig_region',
    });
    databaseUrl = embedded.url;
  }

  await migrate(databaseUrl, config, log);

  const app = await createApp(config, databaseUrl, logger);
  // Stop in order on Ctrl-C or a container stop: finish requests, close the pool, then stop Postgres.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log.log(`${signal} received, shutting down`);
      void app
        .close()
        .then(() => embedded?.stop())
        .finally(() => process.exit(0));
    });
  }
  await app.listen(config.port);
  log.log(`Næringsvennlig region is running at http://localhost:${config.port} (API docs: http://localhost:${config.port}/api/docs)`);
}

/** Runs pending migrations, then loads the demo data once if asked to. */
async function migrate(databaseUrl: string, config: AppConfig, log: Logger): Promise<void> {
  const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'each' });
    log.log(ran.length ? `Ran migrations: ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date');
    if (config.seedDemoData) {
      const ran = await seedDemoData(ds);
      if (ran.length) log.log(`Loaded demo data: ${ran.join(', ')} (demo accounts: see README)`);
    }
    if (await ensureInitialAdmin(ds, config.initialAdmin)) log.log(`Created the administrator account ${config.initialAdmin?.email}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
