import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { AuthChangeListener } from '../src/auth/auth-change-listener';
import { SessionCache } from '../src/auth/session-cache';
import { loadConfig } from '../src/config/app-config';
import { createApp } from '../src/create-app';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The per-instance session cache (SESSION_CACHE_SECONDS) with invalidation through LISTEN/NOTIFY: two app
 * instances on one database. Both keep sessions for 60 s here, so a refusal within the deadline below can
 * only come from the change being heard, not from the entry running out.
 */
const CACHE_SECONDS = 60;
/** How long a change may take to reach the other instance: a correctness deadline, not a speed measurement. */
const DEADLINE_MS = 5000;

interface Cookie {
  userId: string;
  cookie: string;
  csrf: string;
}

/** Statements the apps send through TypeORM while `work` runs: all of them, and those on user_session. */
async function statements(work: () => Promise<unknown>): Promise<{ all: number; session: number }> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await work();
    const sql = spy.mock.calls.map((c) => String(c[0]));
    return { all: sql.length, session: sql.filter((s) => s.includes('user_session')).length };
  } finally {
    spy.mockRestore();
  }
}

async function poll(check: () => Promise<boolean> | boolean, limitMs = DEADLINE_MS): Promise<boolean> {
  const until = Date.now() + limitMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('session cache across instances', () => {
  let t: TestApp;
  let a: INestApplication;
  let b: INestApplication;

  beforeAll(async () => {
    t = await createTestApp({ sessionCacheSeconds: CACHE_SECONDS });
    a = t.app;
    b = await createApp(
      { ...loadConfig({}), webDistDir: null, logLevel: 'error', jobsEnabled: false, sessionCacheSeconds: CACHE_SECONDS },
      t.url,
      false,
    );
    await b.init();
  });

  afterAll(async () => {
    await b?.close();
    await t?.close();
  });

  /** Both instances have heard every change committed so far (the factories' rows, say). */
  const settle = async () => {
    await a.get(AuthChangeListener).sync();
    await b.get(AuthChangeListener).sync();
  };

  const signIn = async (app: INestApplication, email: string): Promise<Cookie> => {
    const res = await request(app.getHttpServer()).post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const setCookie = res.headers['set-cookie'] as unknown as string[];
    return { userId: res.body.user.id, cookie: setCookie[0].split(';')[0], csrf: res.body.csrfToken };
  };
  const get = (app: INestApplication, s: Cookie, path: string) => request(app.getHttpServer()).get(path).set('Cookie', s.cookie);
  const send = (app: INestApplication, s: Cookie, method: 'post' | 'put' | 'patch', path: string) =>
    request(app.getHttpServer())[method](path).set('Cookie', s.cookie).set('X-CSRF-Token', s.csrf);
  const statusOf = async (app: INestApplication, s: Cookie, path: string) => (await get(app, s, path)).status;

  /** A new person with these roles, signed in on instance A. */
  const person = async (roles: Parameters<TestApp['factories']['newUser']>[0] = {}) => {
    const u = await t.factories.newUser(roles);
    await settle();
    return signIn(a, u.email);
  };
  const admin = () => person({ roles: [{ role: 'admin' }] });

  /** The session is kept on this instance: asking again sends no statement about it. */
  const expectKept = async (app: INestApplication, s: Cookie, path: string, status = 200) => {
    await get(app, s, path).expect(status);
    expect((await statements(() => get(app, s, path).expect(status))).session).toBe(0);
  };

  it('reads a session once per instance: repeated requests with it send no session statement', async () => {
    const s = await admin();
    // Signing in on A read the session already.
    const onA = await statements(async () => {
      for (let i = 0; i < 5; i++) await get(a, s, '/api/auth/me').expect(200);
    });
    expect(onA).toEqual({ all: 0, session: 0 });

    const first = await statements(() => get(b, s, '/api/auth/me').expect(200));
    expect(first.session).toBe(1);
    const then = await statements(async () => {
      for (let i = 0; i < 5; i++) await get(b, s, '/api/auth/me').expect(200);
    });
    expect(then).toEqual({ all: 0, session: 0 });
  });

  it('a sign-out, a role taken and a deactivation count at once on the instance that made them', async () => {
    const boss = await admin();

    const s = await admin();
    await expectKept(a, s, '/api/auth/me');
    await send(a, s, 'post', '/api/auth/logout').expect(204);
    expect(await statusOf(a, s, '/api/auth/me')).toBe(401);

    const other = await admin();
    await expectKept(a, other, '/api/users');
    await send(a, boss, 'put', `/api/users/${other.userId}/roles`).send({ roles: [] }).expect(200);
    expect(await statusOf(a, other, '/api/users')).toBe(403);

    const third = await admin();
    await expectKept(a, third, '/api/auth/me');
    const { version } = (await get(a, boss, `/api/users/${third.userId}`).expect(200)).body;
    await send(a, boss, 'patch', `/api/users/${third.userId}`).send({ version, active: false }).expect(200);
    expect(await statusOf(a, third, '/api/auth/me')).toBe(401);

    const renamed = await admin();
    await expectKept(a, renamed, '/api/auth/me');
    await send(a, renamed, 'patch', '/api/auth/me/language').send({ language: 'en' }).expect(200);
    expect((await get(a, renamed, '/api/auth/me').expect(200)).body.user.language).toBe('en');
  });

  it('a change made on instance A or straight in the database reaches instance B within seconds', async () => {
    const boss = await admin();

    // A role taken through A's API.
    const demoted = await admin();
    await expectKept(b, demoted, '/api/users');
    await send(a, boss, 'put', `/api/users/${demoted.userId}/roles`).send({ roles: [] }).expect(200);
    expect(await poll(async () => (await statusOf(b, demoted, '/api/users')) === 403)).toBe(true);

    // A sign-out on A.
    const out = await admin();
    await expectKept(b, out, '/api/auth/me');
    await send(a, out, 'post', '/api/auth/logout').expect(204);
    expect(await poll(async () => (await statusOf(b, out, '/api/auth/me')) === 401)).toBe(true);

    // An account deactivated by SQL.
    const deactivated = await admin();
    await expectKept(b, deactivated, '/api/auth/me');
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [deactivated.userId]);
    expect(await poll(async () => (await statusOf(b, deactivated, '/api/auth/me')) === 401)).toBe(true);

    // A session deleted by SQL.
    const deleted = await admin();
    await expectKept(b, deleted, '/api/auth/me');
    await t.db.query(`DELETE FROM user_session WHERE user_id = $1`, [deleted.userId]);
    expect(await poll(async () => (await statusOf(b, deleted, '/api/auth/me')) === 401)).toBe(true);

    // A role given by SQL shows too.
    const region = await t.factories.newRegion();
    const adviser = await person({ roles: [{ role: 'adviser', regionId: region.id }] });
    await expectKept(b, adviser, '/api/auth/me');
    await expectKept(b, adviser, '/api/users', 403);
    await t.db.query(`INSERT INTO role_assignment (user_id, role) VALUES ($1, 'admin')`, [adviser.userId]);
    expect(await poll(async () => (await statusOf(b, adviser, '/api/users')) === 200)).toBe(true);
  });

  it('without its LISTEN connection an instance reads every session, refuses at once, and connects again', async () => {
    const listener = b.get(AuthChangeListener);
    const cache = b.get(SessionCache);
    const s = await admin();
    await expectKept(b, s, '/api/users');

    const pid = listener.backendPid;
    expect(pid).toEqual(expect.any(Number));
    await t.db.query(`SELECT pg_terminate_backend($1)`, [pid]);
    expect(await poll(() => !cache.isOnline)).toBe(true);

    // Offline: the session is read from the database on every request, so a change counts at once.
    expect((await statements(() => get(b, s, '/api/users').expect(200))).session).toBe(1);
    expect((await statements(() => get(b, s, '/api/users').expect(200))).session).toBe(1);
    await t.db.query(`DELETE FROM role_assignment WHERE user_id = $1`, [s.userId]);
    expect(await statusOf(b, s, '/api/users')).toBe(403);

    // It connects again by itself (first retry after about a second) and keeps sessions again.
    expect(await poll(() => listener.backendPid !== null, 15_000)).toBe(true);
    expect(listener.backendPid).not.toBe(pid);
    await t.db.query(`INSERT INTO role_assignment (user_id, role) VALUES ($1, 'admin')`, [s.userId]);
    await settle();
    await expectKept(b, s, '/api/users');
    await t.db.query(`DELETE FROM role_assignment WHERE user_id = $1`, [s.userId]);
    expect(await poll(async () => (await statusOf(b, s, '/api/users')) === 403)).toBe(true);
  }, 30_000);
});
