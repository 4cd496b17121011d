import { JSON_BODY_LIMIT_BYTES, MAX_JSON_DEPTH } from '../src/common/input-guard';
import { TEST_PASSWORD } from './support/factories';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const deeplyNested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('the input guard in front of every route', () => {
  let t: TestApp;
  let admin: Session;
  let f: ProjectFixture;
  let deliverablePath: string;
  let deliverableVersion: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
    f = await newProjectFixture(t);
    const project = (await f.leader.get(`/api/projects/${f.projectId}`).expect(200)).body;
    const d = project.phases[0].deliverables.find((x: { key: string }) => x.key === 'business_needs');
    deliverablePath = `/api/projects/${f.projectId}/deliverables/${d.id}`;
    deliverableVersion = d.version;
  });
  afterAll(() => t.close());

  const historyCount = async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM history_event`))[0].n);

  it.each([
    ['a NUL character', 'Før\u0000etter'],
    ['an unpaired high surrogate', 'Før\ud800etter'],
    ['an unpaired low surrogate', '\udc00'],
  ])('refuses %s in a text field with 400 naming the field, and changes nothing', async (_what, text) => {
    const before = await historyCount();
    const res = await f.leader.patch(deliverablePath).send({ content: text, version: deliverableVersion }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'content' }] });
    expect(await historyCount()).toBe(before);
  });

  it('finds the bad character deep inside plan content and in field names', async () => {
    const plan = `/api/projects/${f.projectId}/phases/forstudie/plan`;
    const deep = await f.leader
      .put(plan)
      .send({ content: { goals: { rows: [{ text: 'ok' }, { text: 'a\u0000b' }] } }, version: 0 })
      .expect(400);
    expect(deep.body.errors[0].field).toBe('content.goals.rows[1].text');
    const key = await f.leader
      .put(plan)
      .send({ content: { ['x\u0000']: 'y' }, version: 0 })
      .expect(400);
    expect(key.body.code).toBe('INVALID_CHARACTERS');
  });

  it('accepts characters outside the basic plane written as surrogate pairs', async () => {
    const res = await f.leader.patch(deliverablePath).send({ content: 'Vekst 📈 i regionen', version: deliverableVersion }).expect(200);
    expect(res.body.content).toBe('Vekst 📈 i regionen');
    deliverableVersion = res.body.version;
  });

  it('refuses bad characters in the address and the query string', async () => {
    await f.leader.get(`/api/portfolio?county=a%00b`).expect(400);
    const path = await f.leader.get(`/api/projects/a%00b`).expect(400);
    expect(path.body.code).toBe('INVALID_CHARACTERS');
    await f.leader.get(`/api/projects/%E0%A4%A`).expect(400);
  });

  it('refuses a lone surrogate as the sign-in e-mail without touching the password check', async () => {
    const res = await t.http().post('/api/auth/login').send({ email: '\ud800@example.no', password: 'x' }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'email' }] });
  });

  it('refuses JSON nested too deep before parsing it, also on the public sign-in', async () => {
    for (const levels of [MAX_JSON_DEPTH + 1, 3000, 100_000]) {
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deeplyNested(levels)).expect(400);
      expect(res.body.code).toBe('JSON_TOO_DEEP');
    }
    // Brackets inside strings are text, not nesting.
    await t
      .http()
      .post('/api/auth/login')
      .send({ email: `${'['.repeat(5000)}@example.no`, password: 'x' })
      .expect((r) => expect(r.body.code).not.toBe('JSON_TOO_DEEP'));
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.no",').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
  });

  it('answers a body above the limit with 413 PAYLOAD_TOO_LARGE naming the limit, and takes the longest documented text', async () => {
    const tooLarge = await f.leader
      .patch(deliverablePath)
      .send({ content: 'x'.repeat(JSON_BODY_LIMIT_BYTES + 10), version: deliverableVersion })
      .expect(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooLarge.body.message).toContain(`${Math.round(JSON_BODY_LIMIT_BYTES / 1024)} kB`);
    // 200 000 characters of three UTF-8 bytes each: the longest text any field takes.
    const longest = '€'.repeat(200_000);
    const ok = await f.leader.patch(deliverablePath).send({ content: longest, version: deliverableVersion }).expect(200);
    expect(ok.body.content).toHaveLength(200_000);
    deliverableVersion = ok.body.version;
  });

  it('signs in only with JSON, and never from another site', async () => {
    const user = await t.factories.newUser();
    const form = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`email=${encodeURIComponent(user.email)}&password=${TEST_PASSWORD}`)
      .expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(form.headers['set-cookie']).toBeUndefined();
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }]) {
      const res = await t.http().post('/api/auth/login').set(headers).send({ email: user.email, password: TEST_PASSWORD }).expect(403);
      expect(res.body.code).toBe('CROSS_SITE_REQUEST');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // The app itself: same origin.
    await t
      .http()
      .post('/api/auth/login')
      .set({ 'Sec-Fetch-Site': 'same-origin', Origin: 'https://evil.example' })
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
    const server = t.app.getHttpServer().address() as { port: number } | null;
    const host = `127.0.0.1:${server?.port ?? 0}`;
    await t
      .http()
      .post('/api/auth/login')
      .set({ Host: host, Origin: `http://${host}` })
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(200);
  });

  it('refuses a cross-site write even with a valid session and CSRF token', async () => {
    const res = await f.leader
      .patch(deliverablePath)
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ content: 'Fra et annet nettsted', version: deliverableVersion })
      .expect(403);
    expect(res.body.code).toBe('CROSS_SITE_REQUEST');
  });

  it('marks every API answer no-store', async () => {
    const me = await f.leader.get('/api/auth/me').expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await t.http().get('/api/regions').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('gives every answer a request id, keeping a plain one the caller sent', async () => {
    const fresh = await t.http().get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.http().get('/api/health').set('X-Request-Id', 'proxy-1234abcd');
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    const replaced = await t.http().get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(replaced.headers['x-request-id']).not.toBe('bad id with spaces');
  });

  it('counts decimals of numbers written in exponent form without failing (5e-324 was once a 500)', async () => {
    const url = `/api/projects/${f.projectId}/phases/forstudie/plan/budget`;
    const line = { kind: 'cost', category: 'own_work', year: 2026, rate: 500, amount: 0 };
    const tiny = await f.leader.put(url).send({ lines: [{ ...line, hours: 5e-324 }], version: 0 });
    expect(tiny.status).toBeLessThan(500);
    const res = await f.leader
      .put(url)
      .send({ lines: [{ ...line, hours: 1.25e1 + 0.05 }], version: 0 })
      .expect(400);
    expect(res.body.errors[0].field).toBe('lines[0].hours');
  });

  it('refuses null for a field that may only be left out, naming the field', async () => {
    const region = (await admin.get(`/api/regions/${f.region.id}`).expect(200)).body;
    const res = await admin.patch(`/api/regions/${f.region.id}`).send({ name: null, version: region.version }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name' }] });
    expect(res.body.message).toContain('name must not be null');
  });
});

describe('the API documentation', () => {
  it('is for signed-in people only when so configured', async () => {
    const t = await createTestApp({ apiDocs: 'signed-in' });
    try {
      await t.http().get('/api/docs-json').expect(401);
      const admin = await t.as([{ role: 'admin' }]);
      const doc = await admin.get('/api/docs-json').expect(200);
      expect(doc.body.openapi).toMatch(/^3\./);
    } finally {
      await t.close();
    }
  });

  it('is not served at all when turned off', async () => {
    const t = await createTestApp({ apiDocs: 'off' });
    try {
      const admin = await t.as([{ role: 'admin' }]);
      await admin.get('/api/docs-json').expect(404);
    } finally {
      await t.close();
    }
  });
});
