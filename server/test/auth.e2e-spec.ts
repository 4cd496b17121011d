import request from 'supertest';
import { LOGIN_LIMITS } from '../src/auth/auth.service';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in with an HttpOnly, SameSite session cookie, tells who is signed in, and signs out', async () => {
    const region = await t.factories.newRegion({ name: 'Valdres' });
    const user = await t.factories.newUser({ email: 'Kari@Test.no', name: 'Kari', roles: [{ role: 'adviser', regionId: region.id }] });
    const agent = request.agent(t.app.getHttpServer());
    const login = await agent.post('/api/auth/login').send({ email: ' kari@test.no ', password: TEST_PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^nvr_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(login.body).toMatchObject({
      user: { id: user.id, email: 'Kari@Test.no', name: 'Kari' },
      roles: [{ role: 'adviser', regionId: region.id, regionName: 'Valdres', projectId: null }],
    });
    expect(login.body.csrfToken).toEqual(expect.any(String));

    const me = await agent.get('/api/auth/me').expect(200);
    expect(me.body.csrfToken).toBe(login.body.csrfToken);
    const tokens = await t.db.query(`SELECT token_hash FROM user_session WHERE user_id = $1`, [user.id]);
    expect(tokens).toHaveLength(1);
    expect(cookie).not.toContain(tokens[0].token_hash); // only the hash is stored

    await agent.post('/api/auth/logout').expect(403); // without the CSRF token
    await agent.post('/api/auth/logout').set('X-CSRF-Token', login.body.csrfToken).expect(204);
    await agent.get('/api/auth/me').expect(401);
    expect(await t.db.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [user.id])).toEqual([]);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    await t.factories.newUser({ email: 'ola@test.no' });
    const wrong = await t.http().post('/api/auth/login').send({ email: 'ola@test.no', password: 'feil-passord' }).expect(401);
    const unknown = await t.http().post('/api/auth/login').send({ email: 'finnes.ikke@test.no', password: 'feil-passord' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    await t.http().post('/api/auth/login').send({ email: 'ikke-epost', password: '' }).expect(400);
  });

  it('rate-limits failed sign-ins per e-mail with 429 and Retry-After, even for the right password', async () => {
    const u = await t.factories.newUser({ email: 'per@test.no' });
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: u.email, password: `gjett-${i}` })
        .expect(401);
    }
    const limited = await t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses writes with a missing or wrong CSRF token', async () => {
    const admin = await t.as([{ role: 'admin' }]);
    const agentPost = (token?: string) => {
      const req = admin.post('/api/regions');
      if (token !== undefined) req.set('X-CSRF-Token', token);
      return req.send({ name: 'Uten token', councilName: 'x' });
    };
    // Session.post sets the right token; override it with a wrong one.
    const wrong = await agentPost('feil').expect(403);
    expect(wrong.body.code).toBe('CSRF_TOKEN_INVALID');
    expect(await t.db.query(`SELECT 1 FROM region WHERE name = 'Uten token'`)).toEqual([]);
  });

  it('ends the sessions of a deactivated account, and it cannot sign in again', async () => {
    const admin = await t.as([{ role: 'admin' }]);
    const u = await t.factories.newUser({ email: 'slutta@test.no' });
    const session = await t.signIn(u.email);
    await admin.patch(`/api/users/${u.id}`).send({ active: false, version: 1 }).expect(200);
    await session.get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
  });

  it('changes one’s own password: the old one stops working and other sessions end', async () => {
    const u = await t.factories.newUser({ email: 'bytter@test.no' });
    const a = await t.signIn(u.email);
    const b = await t.signIn(u.email);
    const wrong = await a.post('/api/auth/password').send({ currentPassword: 'feil', newPassword: 'et-nytt-langt-passord' }).expect(422);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    await a.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'kort' }).expect(400);
    await a.post('/api/auth/password').send({ currentPassword: TEST_PASSWORD, newPassword: 'et-nytt-langt-passord' }).expect(204);
    await a.get('/api/auth/me').expect(200);
    await b.get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
    await t.signIn(u.email, 'et-nytt-langt-passord');
  });

  it('sends security headers', async () => {
    const res = await t.http().get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
