import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { createTestDatabase } from './postgres';
import { Factories } from './factories';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  /** supertest against the real HTTP server */
  http: () => ReturnType<typeof request>;
  url: string;
  factories: Factories;
  close(): Promise<void>;
}

/** The real app (same module, pipes and filters as production) on its own fresh, migrated database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: AppConfig = { ...loadConfig({}), webDistDir: null, logLevel: 'error', ...overrides };
  const app = await createApp(config, database.url, false);
  await app.init();
  const db = app.get(DataSource);
  return {
    app,
    db,
    url: database.url,
    http: () => request(app.getHttpServer()),
    factories: new Factories(db),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
