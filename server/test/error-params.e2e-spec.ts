import { LOGIN_LIMITS } from '../src/auth/auth.service';
import { TEST_PASSWORD } from './support/factories';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

/**
 * Refusals carry the facts the reader needs as `params` (the web fills errors.<CODE> with them in the
 * reader's language); a refusal without facts has no `params` at all.
 */
describe('error answers with params', () => {
  let t: TestApp;
  let admin: Session;
  let f: ProjectFixture;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
    f = await newProjectFixture(t);
  });
  afterAll(() => t.close());

  it('VERSION_CONFLICT names the version the client had and the stored one', async () => {
    const r = await t.factories.newRegion();
    await admin.patch(`/api/regions/${r.id}`).send({ councilName: 'Nytt regionråd', version: 1 }).expect(200);
    const stale = await admin.patch(`/api/regions/${r.id}`).send({ councilName: 'Gammelt', version: 1 }).expect(409);
    expect(stale.body).toEqual({
      statusCode: 409,
      code: 'VERSION_CONFLICT',
      message: expect.stringContaining('you had version 1, it is now 2') as unknown,
      params: { expected: 1, actual: 2 },
    });
  });

  it('a refusal without facts has no params', async () => {
    const missing = await admin.get('/api/regions/4b1f3c1e-2a5d-4c7e-9f00-123456789abc').expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      code: 'REGION_NOT_FOUND',
      message: 'There is no region with id 4b1f3c1e-2a5d-4c7e-9f00-123456789abc.',
    });
  });

  it('KOMMUNE_NOT_IN_REGION names the kommuner outside the region', async () => {
    const stranger = await t.factories.newKommune({ name: 'Utenforby' });
    const res = await f.regionraad
      .post('/api/projects')
      .send({ regionId: f.region.id, name: 'X', kommuneIds: [f.kommuner[0].id, stranger.id] })
      .expect(422);
    expect(res.body).toMatchObject({ code: 'KOMMUNE_NOT_IN_REGION', params: { kommuner: 'Utenforby' } });
  });

  it('SURVEY_LINK_EXISTS names the kommune of the link; the general link has no kommune to name', async () => {
    const survey = (await f.leader.post(`/api/projects/${f.projectId}/surveys`).send({ templateKey: 'business_survey' }).expect(201)).body;
    const links = `/api/projects/${f.projectId}/surveys/${survey.id}/links`;
    await f.leader.post(links).send({}).expect(201);
    const general = await f.leader.post(links).send({}).expect(409);
    expect(general.body.code).toBe('SURVEY_LINK_EXISTS');
    expect(general.body).not.toHaveProperty('params');

    const kommuneId = f.kommuner[0].id;
    const [{ name }] = (await t.db.query(`SELECT name FROM kommune WHERE id = $1`, [kommuneId])) as { name: string }[];
    await f.leader.post(links).send({ kommuneId }).expect(201);
    const again = await f.leader.post(links).send({ kommuneId }).expect(409);
    expect(again.body).toMatchObject({ code: 'SURVEY_LINK_EXISTS', params: { kommune: name } });
  });

  it('TOO_MANY_ATTEMPTS says in how many minutes to try again, as Retry-After does in seconds', async () => {
    const u = await t.factories.newUser({ email: 'params@test.no' });
    for (let i = 0; i < LOGIN_LIMITS.perEmail; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ email: u.email, password: `gjett-${i}` })
        .expect(401);
    }
    const limited = await t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(limited.body.params).toEqual({ minutes: Math.ceil(Number(limited.headers['retry-after']) / 60) });
    expect(limited.body.params.minutes).toBeGreaterThan(0);
  });
});
