import { TEST_PASSWORD } from './support/factories';
import { newProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

describe('accounts (admin)', () => {
  let t: TestApp;
  let admin: Session;
  let region: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as([{ role: 'admin' }]);
    region = await t.factories.newRegion({ name: 'Midt-Telemark' });
  });
  afterAll(() => t.close());

  it('creates an account with roles; the person can sign in and holds them', async () => {
    const res = await admin
      .post('/api/users')
      .send({
        email: 'Nina@Test.no',
        name: 'Nina',
        newPassword: 'et-langt-passord',
        roles: [
          { role: 'regionraad', regionId: region.id },
          { role: 'adviser', regionId: region.id },
        ],
      })
      .expect(201);
    expect(res.body).toMatchObject({ email: 'Nina@Test.no', name: 'Nina', active: true, version: 1 });
    expect(res.body.roles).toHaveLength(2);
    expect(JSON.stringify(res.body)).not.toMatch(/password|argon/i);
    const nina = await t.signIn('nina@test.no', 'et-langt-passord');
    expect((await nina.get('/api/auth/me')).body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['adviser', 'regionraad']);
  });

  it('refuses a taken e-mail (409), a role without its scope (422), an unknown region (404) and a short password (400)', async () => {
    await t.factories.newUser({ email: 'opptatt@test.no' });
    expect(
      (await admin.post('/api/users').send({ email: 'OPPTATT@test.no', name: 'X', newPassword: 'et-langt-passord' }).expect(409)).body.code,
    ).toBe('EMAIL_TAKEN');
    const scope = await admin
      .post('/api/users')
      .send({ email: 'a@test.no', name: 'X', newPassword: 'et-langt-passord', roles: [{ role: 'adviser' }] })
      .expect(422);
    expect(scope.body).toMatchObject({ code: 'ROLE_SCOPE_INVALID', message: 'roles[0]: The role adviser needs a region.' });
    await admin
      .post('/api/users')
      .send({
        email: 'b@test.no',
        name: 'X',
        newPassword: 'et-langt-passord',
        roles: [{ role: 'adviser', regionId: '0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b' }],
      })
      .expect(404);
    const short = await admin.post('/api/users').send({ email: 'c@test.no', name: 'X', newPassword: 'kort' }).expect(400);
    expect(short.body.message).toContain('newPassword must be at least 12 characters');
    expect(await t.db.query(`SELECT email FROM app_user WHERE email IN ('a@test.no', 'b@test.no', 'c@test.no')`)).toEqual([]);
  });

  it('replaces roles in one go, and never removes the last administrator', async () => {
    const u = await t.factories.newUser({ roles: [{ role: 'kommune_contact', regionId: region.id }] });
    const res = await admin
      .put(`/api/users/${u.id}/roles`)
      .send({ roles: [{ role: 'adviser', regionId: region.id }] })
      .expect(200);
    expect(res.body.roles).toEqual([{ role: 'adviser', regionId: region.id, regionName: 'Midt-Telemark', projectId: null }]);
    const bad = await admin
      .put(`/api/users/${u.id}/roles`)
      .send({
        roles: [
          { role: 'regionraad', regionId: region.id },
          { role: 'admin', regionId: region.id },
        ],
      })
      .expect(422);
    expect(bad.body.code).toBe('ROLE_SCOPE_INVALID');
    expect((await admin.get(`/api/users/${u.id}`)).body.roles.map((r: { role: string }) => r.role)).toEqual(['adviser']); // unchanged

    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM role_assignment WHERE role = 'admin'`);
    expect(n).toBe(1);
    const last = await admin.put(`/api/users/${admin.userId}/roles`).send({ roles: [] }).expect(409);
    expect(last.body.code).toBe('LAST_ADMIN');
    await admin.patch(`/api/users/${admin.userId}`).send({ active: false, version: 1 }).expect(409);
  });

  it("ties a kommune contact to one kommune of the role's region, and refuses a kommune elsewhere (400 naming the field)", async () => {
    const inRegion = await t.factories.newKommune({ name: `Sauherad ${Math.random().toString(36).slice(2, 6)}` });
    const elsewhere = await t.factories.newKommune();
    await t.db.query(`INSERT INTO region_membership (region_id, kommune_id, valid_from) VALUES ($1, $2, '2020-01-01')`, [
      region.id,
      inRegion.id,
    ]);
    const u = await t.factories.newUser();
    const res = await admin
      .put(`/api/users/${u.id}/roles`)
      .send({
        roles: [
          { role: 'kommune_contact', regionId: region.id, kommuneId: inRegion.id },
          { role: 'adviser', regionId: region.id },
        ],
      })
      .expect(200);
    expect(res.body.roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'kommune_contact',
          regionId: region.id,
          kommuneId: inRegion.id,
          kommuneName: expect.stringContaining('Sauherad'),
        }),
      ]),
    );
    const s = await t.signIn(u.email);
    expect((await s.get('/api/auth/me')).body.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'kommune_contact', kommuneId: inRegion.id })]),
    );

    const outside = await admin
      .put(`/api/users/${u.id}/roles`)
      .send({ roles: [{ role: 'kommune_contact', regionId: region.id, kommuneId: elsewhere.id }] })
      .expect(400);
    expect(outside.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'roles[0].kommuneId' }] });
    const notAContact = await admin
      .put(`/api/users/${u.id}/roles`)
      .send({ roles: [{ role: 'regionraad', regionId: region.id, kommuneId: inRegion.id }] })
      .expect(400);
    expect(notAContact.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'roles[0].kommuneId' }] });
    expect((await admin.get(`/api/users/${u.id}`)).body.roles).toHaveLength(2); // unchanged
  });

  it('sets a new password for someone, ending their sessions', async () => {
    const u = await t.factories.newUser();
    const s = await t.signIn(u.email);
    await admin.post(`/api/users/${u.id}/password`).send({ newPassword: 'nytt-passord-fra-admin' }).expect(204);
    await s.get('/api/auth/me').expect(401);
    await t.signIn(u.email, 'nytt-passord-fra-admin');
    await t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD }).expect(401);
  });

  it('updates name with optimistic locking', async () => {
    const u = await t.factories.newUser();
    await admin.patch(`/api/users/${u.id}`).send({ name: 'Nytt Navn', version: 1 }).expect(200);
    expect((await admin.patch(`/api/users/${u.id}`).send({ name: 'Gammelt', version: 1 }).expect(409)).body.code).toBe('VERSION_CONFLICT');
  });

  it('lists only the people one shares a region or project with (everyone, for admins)', async () => {
    const other = await t.factories.newRegion({ name: `Annen region ${Date.now()}` });
    const raad = await t.as([{ role: 'regionraad', regionId: region.id }]);
    const adviser = await t.as([{ role: 'adviser', regionId: region.id }]);
    const outsider = await t.factories.newUser({ name: 'Olga Annenregion', roles: [{ role: 'regionraad', regionId: other.id }] });
    const loner = await t.factories.newUser({ name: 'Uten Rolle' });
    const people = (await raad.get('/api/users/directory').expect(200)).body;
    expect(people[0]).toEqual({ id: expect.any(String), name: expect.any(String), email: expect.any(String) });
    const ids = (list: { id: string }[]) => list.map((p) => p.id);
    expect(ids(people)).toEqual(expect.arrayContaining([raad.userId, adviser.userId]));
    expect(ids(people)).not.toContain(outsider.id);
    expect(ids(people)).not.toContain(loner.id);
    const byAdviser = (await adviser.get('/api/users/directory').expect(200)).body;
    expect(ids(byAdviser)).toContain(raad.userId);
    expect(ids(byAdviser)).not.toContain(outsider.id);
    const nobody = await t.signIn(loner.email);
    expect((await nobody.get('/api/users/directory').expect(200)).body).toEqual([]);
    expect(ids((await admin.get('/api/users/directory').expect(200)).body)).toEqual(expect.arrayContaining([outsider.id, loner.id]));
  });

  it('keeps a person’s project roles when their region roles are replaced', async () => {
    const f = await newProjectFixture(t);
    const leader = (await f.leader.get('/api/auth/me')).body.user;
    const res = await admin
      .put(`/api/users/${leader.id}/roles`)
      .send({ roles: [{ role: 'kommune_contact', regionId: f.region.id }] })
      .expect(200);
    expect(res.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['kommune_contact', 'project_leader']);
    expect((await f.regionraad.get(`/api/projects/${f.projectId}`)).body.leader.id).toBe(leader.id);
  });
});
