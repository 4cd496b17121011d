import request from 'supertest';
import { TEST_PASSWORD } from './support/factories';
import { newProjectFixture, ProjectFixture } from './support/plp';
import { createTestApp, Session, TestApp } from './support/test-app';

const BASE = 'https://nvr.example.no';
const NEW_PASSWORD = 'a-long-new-password-1';

/**
 * Invitations by e-mail (issue 16): who may invite whom, the single-use link with an expiry, accepting
 * it by choosing a password, listing and withdrawing, and passwords turned off for all but break-glass.
 */
describe('invitations', () => {
  let t: TestApp;
  let f: ProjectFixture;
  let other: ProjectFixture;
  let admin: Session;

  /** The code of the newest invitation mail to an address (from the outbox, as the invitee would read it). */
  const tokenFor = async (email: string): Promise<string> => {
    const rows = (await t.db.query(`SELECT body_text FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1`, [email])) as {
      body_text: string;
    }[];
    const match = /\/invitasjon#([A-Za-z0-9_-]+)/.exec(rows[0]?.body_text ?? '');
    if (!match) throw new Error(`No invitation mail to ${email}`);
    return match[1];
  };
  const accountCount = async (email: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = lower($1)`, [email]))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ publicBaseUrl: BASE });
    f = await newProjectFixture(t, 'Invitasjonsregionen');
    other = await newProjectFixture(t, 'Andre regionen');
    admin = await t.as([{ role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('lets the regionråd invite into its region; the invitee accepts by choosing a password and gets the role', async () => {
    const created = await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'Ny.Radgiver@Kommune.no', language: 'nn', roles: [{ role: 'adviser' }] })
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'Ny.Radgiver@Kommune.no',
      language: 'nn',
      regionId: f.region.id,
      projectId: null,
      expired: false,
      roles: [{ role: 'adviser', regionId: f.region.id, regionName: 'Invitasjonsregionen', projectId: null }],
    });
    const days = (new Date(created.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // The mail is in the invitee's language, with an absolute link whose code is only in the fragment.
    const mail = (
      await t.db.query(`SELECT subject, body_text, recipient_id FROM outbox WHERE to_address = $1`, ['Ny.Radgiver@Kommune.no'])
    )[0];
    expect(mail.subject).toBe('Invitasjon til Næringsvennlig region');
    expect(mail.body_text).toContain(`${BASE}/invitasjon#`);
    expect(mail.body_text).toContain('rådgjevar: Invitasjonsregionen');
    expect(mail.recipient_id).toBeNull();
    const token = await tokenFor('Ny.Radgiver@Kommune.no');
    expect(JSON.stringify(await t.db.query(`SELECT * FROM invitation`))).not.toContain(token); // only its hash is stored

    const listed = await f.regionraad.get(`/api/regions/${f.region.id}/invitations`).expect(200);
    expect(listed.body.map((i: { email: string }) => i.email)).toEqual(['Ny.Radgiver@Kommune.no']);

    const preview = await t.http().post('/api/invitations/lookup').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ email: 'Ny.Radgiver@Kommune.no', passwordAllowed: true, providers: [] });
    expect(preview.body.roles).toEqual([expect.objectContaining({ role: 'adviser', regionName: 'Invitasjonsregionen' })]);

    await t.http().post('/api/invitations/accept').send({ token, name: 'Nina', newPassword: 'short' }).expect(400);
    expect(await accountCount('Ny.Radgiver@Kommune.no')).toBe(0);
    const agent = request.agent(t.app.getHttpServer());
    const accepted = await agent.post('/api/invitations/accept').send({ token, name: ' Nina Ny ', newPassword: NEW_PASSWORD }).expect(200);
    expect(accepted.body).toMatchObject({
      user: { email: 'Ny.Radgiver@Kommune.no', name: 'Nina Ny', language: 'nn' },
      roles: [{ role: 'adviser', regionId: f.region.id, regionName: 'Invitasjonsregionen', projectId: null }],
    });
    expect(String(accepted.headers['set-cookie'])).toMatch(/^nvr_session=/);
    await agent.get('/api/auth/me').expect(200);
    await agent.get(`/api/regions/${f.region.id}`).expect(200);

    // Single use: the same link again is refused with a clear code, and no second account appears.
    const again = await t.http().post('/api/invitations/accept').send({ token, name: 'Noen', newPassword: NEW_PASSWORD }).expect(409);
    expect(again.body.code).toBe('INVITATION_USED');
    expect((await t.http().post('/api/invitations/lookup').send({ token }).expect(409)).body.code).toBe('INVITATION_USED');
    expect(await accountCount('Ny.Radgiver@Kommune.no')).toBe(1);
    expect((await f.regionraad.get(`/api/regions/${f.region.id}/invitations`).expect(200)).body).toEqual([]);
    await t.signIn('ny.radgiver@kommune.no', NEW_PASSWORD);
  });

  it('lets a project leader invite into their project only, and the regionråd into projects of its region', async () => {
    const byLeader = await f.leader
      .post(`/api/projects/${f.projectId}/invitations`)
      .send({ email: 'gruppe@kommune.no', roles: [{ role: 'project_member' }] })
      .expect(201);
    expect(byLeader.body).toMatchObject({
      projectId: f.projectId,
      regionId: f.region.id,
      roles: [{ role: 'project_member', projectId: f.projectId }],
    });
    // A leader gives no region roles, and nothing in another project.
    const regionRole = await f.leader
      .post(`/api/projects/${f.projectId}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'regionraad', regionId: f.region.id }] })
      .expect(403);
    expect(regionRole.body.code).toBe('FORBIDDEN');
    await f.leader
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(403);
    const otherProject = await f.leader
      .post(`/api/projects/${other.projectId}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'project_member' }] })
      .expect(404);
    expect(otherProject.body.code).toBe('PROJECT_NOT_FOUND');
    // An adviser may not invite at all.
    await f.adviser
      .post(`/api/projects/${f.projectId}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'project_member' }] })
      .expect(403);
    // The regionråd invites a leader into a project of its region from the region's route.
    await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'leder2@kommune.no', roles: [{ role: 'project_leader', projectId: f.projectId }] })
      .expect(201);
    // A role outside the route's scope is refused with a clear code.
    const outside = await f.regionraad
      .post(`/api/projects/${f.projectId}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'adviser', regionId: f.region.id }] })
      .expect(422);
    expect(outside.body.code).toBe('INVITATION_SCOPE_INVALID');
    // Nobody but an admin gives the admin role.
    await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'x@kommune.no', roles: [{ role: 'admin' }] })
      .expect(403);
    await f.regionraad
      .post('/api/invitations')
      .send({ email: 'x@kommune.no', roles: [{ role: 'admin' }] })
      .expect(403);
    expect(await t.db.query(`SELECT 1 FROM invitation WHERE email = 'x@kommune.no'`)).toEqual([]);

    const projectList = await f.leader.get(`/api/projects/${f.projectId}/invitations`).expect(200);
    expect(projectList.body.map((i: { email: string }) => i.email).sort()).toEqual(['gruppe@kommune.no', 'leder2@kommune.no']);
    const regionList = await f.regionraad.get(`/api/regions/${f.region.id}/invitations`).expect(200);
    expect(regionList.body.map((i: { email: string }) => i.email).sort()).toEqual(['gruppe@kommune.no', 'leder2@kommune.no']);

    // The invited leader accepts and leads the project.
    const agent = request.agent(t.app.getHttpServer());
    const me = await agent
      .post('/api/invitations/accept')
      .send({ token: await tokenFor('leder2@kommune.no'), name: 'Leder To', newPassword: NEW_PASSWORD })
      .expect(200);
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'project_leader', projectId: f.projectId, regionId: f.region.id })]);
  });

  it("hides another region's invitations and refuses to invite into it (404)", async () => {
    const theirs = await other.regionraad
      .post(`/api/regions/${other.region.id}/invitations`)
      .send({ email: 'deres@kommune.no', roles: [{ role: 'kommune_contact' }] })
      .expect(201);
    expect((await f.regionraad.get(`/api/regions/${other.region.id}/invitations`).expect(404)).body.code).toBe('REGION_NOT_FOUND');
    await f.regionraad
      .post(`/api/regions/${other.region.id}/invitations`)
      .send({ email: 'y@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(404);
    await f.regionraad.get(`/api/projects/${other.projectId}/invitations`).expect(404);
    // Roles naming the other region from one's own route: not found either.
    const named = await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'y@kommune.no', roles: [{ role: 'adviser', regionId: other.region.id }] })
      .expect(404);
    expect(named.body.code).toBe('REGION_NOT_FOUND');
    expect((await f.regionraad.delete(`/api/invitations/${theirs.body.id}`).expect(404)).body.code).toBe('INVITATION_NOT_FOUND');
    expect(await t.db.query(`SELECT withdrawn_at FROM invitation WHERE id = $1`, [theirs.body.id])).toEqual([{ withdrawn_at: null }]);
    // The admin sees every pending invitation.
    const all = await admin.get('/api/invitations').expect(200);
    expect(all.body.map((i: { email: string }) => i.email)).toContain('deres@kommune.no');
  });

  it('withdraws a pending invitation: its link stops working', async () => {
    const inv = await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'angrer@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(201);
    const token = await tokenFor('angrer@kommune.no');
    const dup = await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'ANGRER@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(409);
    expect(dup.body.code).toBe('INVITATION_PENDING');
    await f.regionraad.delete(`/api/invitations/${inv.body.id}`).expect(204);
    expect(
      (await f.regionraad.get(`/api/regions/${f.region.id}/invitations`).expect(200)).body.map((i: { id: string }) => i.id),
    ).not.toContain(inv.body.id);
    const refused = await t.http().post('/api/invitations/accept').send({ token, name: 'Angrer', newPassword: NEW_PASSWORD }).expect(404);
    expect(refused.body.code).toBe('INVITATION_NOT_FOUND');
    expect(await accountCount('angrer@kommune.no')).toBe(0);
    // An unknown code, and one of the wrong shape.
    expect(
      (
        await t
          .http()
          .post('/api/invitations/lookup')
          .send({ token: 'x'.repeat(43) })
          .expect(404)
      ).body.code,
    ).toBe('INVITATION_NOT_FOUND');
    await t.http().post('/api/invitations/lookup').send({ token: 'bad token' }).expect(400);
  });

  it('refuses an expired link, and an address that has an account already', async () => {
    await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: 'sein@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(201);
    const token = await tokenFor('sein@kommune.no');
    await t.db.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE email = 'sein@kommune.no'`);
    const expired = await t.http().post('/api/invitations/accept').send({ token, name: 'Sein', newPassword: NEW_PASSWORD }).expect(410);
    expect(expired.body.code).toBe('INVITATION_EXPIRED');
    expect(await accountCount('sein@kommune.no')).toBe(0);
    const listed = (await f.regionraad.get(`/api/regions/${f.region.id}/invitations`).expect(200)).body.find(
      (i: { email: string }) => i.email === 'sein@kommune.no',
    );
    expect(listed.expired).toBe(true);

    const existing = await t.factories.newUser({ email: 'finnes@kommune.no' });
    const taken = await f.regionraad
      .post(`/api/regions/${f.region.id}/invitations`)
      .send({ email: existing.email, roles: [{ role: 'adviser' }] })
      .expect(409);
    expect(taken.body.code).toBe('EMAIL_TAKEN');
  });

  it('lets an admin invite another admin', async () => {
    const inv = await admin
      .post('/api/invitations')
      .send({ email: 'sjef@example.no', roles: [{ role: 'admin' }] })
      .expect(201);
    expect(inv.body).toMatchObject({ regionId: null, projectId: null, roles: [{ role: 'admin', regionId: null }] });
    const me = await request(t.app.getHttpServer())
      .post('/api/invitations/accept')
      .send({ token: await tokenFor('sjef@example.no'), name: 'Sjef', newPassword: NEW_PASSWORD })
      .expect(200);
    expect(me.body.roles).toEqual([expect.objectContaining({ role: 'admin' })]);
  });
});

describe('passwords turned off for all but break-glass administrators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      passwordSignIn: 'off',
      breakGlassEmails: ['nod@example.no'],
      oidcProviders: [
        {
          id: 'entra',
          name: 'Entra ID',
          issuer: 'http://127.0.0.1:9/',
          clientId: 'x',
          clientSecret: 'y',
          authMethod: 'client_secret_basic',
          scopes: 'openid email profile',
          domains: ['kommune.no'],
        },
      ],
    });
  });
  afterAll(() => t.close());

  it('refuses a password to everyone but a break-glass admin, and refuses accepting an invitation by password', async () => {
    const region = await t.factories.newRegion({ name: 'Passordløs' });
    await t.factories.newUser({ email: 'nod@example.no', roles: [{ role: 'admin' }] });
    await t.factories.newUser({ email: 'vanlig@example.no', roles: [{ role: 'adviser', regionId: region.id }] });
    await t.factories.newUser({ email: 'admin2@example.no', roles: [{ role: 'admin' }] });
    const admin = await t.signIn('nod@example.no', TEST_PASSWORD);
    for (const email of ['vanlig@example.no', 'admin2@example.no']) {
      const refused = await t.http().post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(403);
      expect(refused.body.code).toBe('PASSWORD_SIGN_IN_OFF');
    }
    // A wrong password still says only that it is wrong.
    await t.http().post('/api/auth/login').send({ email: 'vanlig@example.no', password: 'wrong-password-000' }).expect(401);
    expect((await t.http().get('/api/auth/providers').expect(200)).body).toEqual({
      passwordSignIn: 'off',
      providers: [{ id: 'entra', name: 'Entra ID' }],
    });

    await admin
      .post(`/api/regions/${region.id}/invitations`)
      .send({ email: 'ny@kommune.no', roles: [{ role: 'adviser' }] })
      .expect(201);
    const body = (await t.db.query(`SELECT body_text FROM outbox WHERE to_address = 'ny@kommune.no'`))[0].body_text as string;
    const token = /#([A-Za-z0-9_-]+)/.exec(body)![1];
    const preview = await t.http().post('/api/invitations/lookup').send({ token }).expect(200);
    expect(preview.body).toMatchObject({ passwordAllowed: false, providers: [{ id: 'entra', name: 'Entra ID', suggested: true }] });
    const refused = await t.http().post('/api/invitations/accept').send({ token, name: 'Ny', newPassword: NEW_PASSWORD }).expect(403);
    expect(refused.body.code).toBe('PASSWORD_SIGN_IN_OFF');
    expect(await t.db.query(`SELECT 1 FROM app_user WHERE email = 'ny@kommune.no'`)).toEqual([]);
  });
});
