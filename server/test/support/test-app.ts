import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/create-app';
import { createTestDatabase } from './postgres';
import { Factories, TEST_PASSWORD } from './factories';

/** An HTTP client signed in as one person: keeps the session cookie and sends the CSRF token on writes. */
export interface Session {
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  /** supertest against the real HTTP server */
  http: () => ReturnType<typeof request>;
  url: string;
  factories: Factories;
  /** Signs in with e-mail and password over HTTP. */
  signIn(email: string, password?: string): Promise<Session>;
  /** Creates a person with the given roles and signs them in. */
  as(roles: NonNullable<Parameters<Factories['newUser']>[0]>['roles']): Promise<Session>;
  close(): Promise<void>;
}

/** The real app (same module, pipes and filters as production) on its own fresh, migrated database. */
export async function createTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // The background worker stays off: tests drive jobs and reminder scans themselves. Sessions are read
  // from the database on every request (no session cache), so a role or account changed by SQL in a test
  // counts at once; session-cache.e2e-spec.ts turns the cache on.
  const config: AppConfig = {
    ...loadConfig({}),
    webDistDir: null,
    logLevel: 'error',
    jobsEnabled: false,
    sessionCacheSeconds: 0,
    ...overrides,
  };
  const app = await createApp(config, database.url, false);
  await app.init();
  const db = app.get(DataSource);
  const factories = new Factories(db);
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<Session> => {
    const agent = request.agent(app.getHttpServer());
    const res = await agent.post('/api/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const csrf: string = res.body.csrfToken;
    return {
      csrfToken: csrf,
      userId: res.body.user.id,
      get: (p) => agent.get(p),
      post: (p) => agent.post(p).set('X-CSRF-Token', csrf),
      put: (p) => agent.put(p).set('X-CSRF-Token', csrf),
      patch: (p) => agent.patch(p).set('X-CSRF-Token', csrf),
      delete: (p) => agent.delete(p).set('X-CSRF-Token', csrf),
    };
  };
  return {
    app,
    db,
    url: database.url,
    http: () => request(app.getHttpServer()),
    factories,
    signIn,
    async as(roles) {
      const user = await factories.newUser({ roles });
      return signIn(user.email);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
