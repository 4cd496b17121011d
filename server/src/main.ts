import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp, createLogger } from './create-app';
import { EmbeddedDatabase, ensureDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { migrate } from './database/migrate';
import { join } from 'node:path';

/**
 * What this process has started, so that every way out (SIGINT, SIGTERM, SIGHUP, an uncaught exception
 * or unhandled rejection, a failed start) stops it in order: the app first (finish requests, close the
 * pool), then the embedded PostgreSQL.
 */
const started: { app: INestApplication | null; embedded: Promise<EmbeddedDatabase | null> | null } = { app: null, embedded: null };
/** A stop that takes longer than this ends the process anyway (PostgreSQL still gets its fast-shutdown signal). */
const SHUTDOWN_LIMIT_MS = 45_000;
let log = new Logger('Main');
let stopping = false;

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
  log = new Logger('Main');
  handleExits();

  let databaseUrl = config.databaseUrl;
  if (databaseUrl) {
    await ensureDatabase(databaseUrl).catch((e: Error) => log.warn(`Could not check that the database exists: ${e.message}`));
  } else {
    const starting = startEmbeddedPostgres({
      dataDir: join(config.dataDir, 'pg'),
      port: config.embeddedPgPort,
      database: 'naeringsvennlig_region',
      handleSignals: false,
    });
    started.embedded = starting.catch(() => null);
    databaseUrl = (await starting).url;
  }
  if (stopping) return;

  await migrate(databaseUrl, config, log);
  if (stopping) return;

  started.app = await createApp(config, databaseUrl, logger);
  await started.app.listen(config.port);
  log.log(`Næringsvennlig region is running at http://localhost:${config.port} (API docs: http://localhost:${config.port}/api/docs)`);
}

/** Ctrl-C, a container or service stop and a closed terminal stop the server cleanly (exit 0); faults stop it too (exit 1). */
function handleExits(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) {
        log.warn(`${signal} received again: exiting now (PostgreSQL gets a fast-shutdown request)`);
        process.exit(1);
      }
      log.log(`${signal} received, shutting down`);
      void shutdown(0);
    });
  }
  process.on('uncaughtException', (e) => {
    log.fatal(`Uncaught exception, shutting down: ${describe(e)}`);
    void shutdown(1);
  });
  process.on('unhandledRejection', (e) => {
    log.fatal(`Unhandled promise rejection, shutting down: ${describe(e)}`);
    void shutdown(1);
  });
}

/** Closes the app, then stops the embedded PostgreSQL, then exits with `code` (1 if a step fails). */
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    log.error(`Shutdown did not finish in ${SHUTDOWN_LIMIT_MS / 1000} s; exiting`);
    process.exit(1);
  }, SHUTDOWN_LIMIT_MS).unref();
  try {
    await started.app?.close();
  } catch (e) {
    log.error(`Closing the app failed: ${describe(e)}`);
    code = 1;
  }
  try {
    await (await started.embedded)?.stop();
  } catch (e) {
    log.error(`Stopping the embedded PostgreSQL failed: ${describe(e)}`);
    code = 1;
  }
  process.exit(code);
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

main().catch((e: unknown) => {
  if (stopping) return; // a signal stopped the start half-way; shutdown() exits
  log.fatal(`Could not start: ${describe(e)}`);
  void shutdown(1);
});
