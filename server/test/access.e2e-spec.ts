import { concretePath, listRoutes } from './support/routes';
import { createTestApp, Session, TestApp } from './support/test-app';

/** Access control over HTTP: every route has a rule, and each role sees its own region only. */
describe('access control', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives every route an access rule', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.handler})`)).toEqual([]);
    expect(
      routes
        .filter((r) => r.rule?.kind === 'public')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual([
      // Signing in with a provider: the sign-in page's buttons, the start, and the provider's way back (oidc/).
      'GET /api/auth/oidc/callback',
      'GET /api/auth/oidc/start',
      'GET /api/auth/providers',
      'GET /api/health',
      // The respondents' survey form: the unguessable link is the key (see public-survey.service.ts).
      'GET /api/public/surveys/:token',
      'POST /api/auth/login',
      // An invitation: the unguessable code from its e-mail is the key (see invitation.service.ts).
      'POST /api/invitations/accept',
      'POST /api/invitations/lookup',
      'POST /api/public/surveys/:token/responses',
    ]);
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const r of listRoutes(t.app).filter((x) => x.rule?.kind !== 'public')) {
      const res = await t.http()[r.method.toLowerCase() as 'get'](concretePath(r.path)).send({});
      expect({ route: `${r.method} ${r.path}`, status: res.status, code: res.body.code }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  describe('role × scope matrix', () => {
    let own: { id: string };
    let other: { id: string };
    const sessions: Record<string, Session> = {};

    beforeAll(async () => {
      const k = await t.factories.newKommune({ population: 100 });
      own = await t.factories.newRegion({ name: 'Egen region', members: [{ kommuneId: k.id }] });
      other = await t.factories.newRegion({ name: 'Annen region' });
      sessions.admin = await t.as([{ role: 'admin' }]);
      sessions.regionraad = await t.as([{ role: 'regionraad', regionId: own.id }]);
      sessions.adviser = await t.as([{ role: 'adviser', regionId: own.id }]);
      sessions.kommune_contact = await t.as([{ role: 'kommune_contact', regionId: own.id }]);
      sessions.none = await t.as([]);
    });

    it.each(['regionraad', 'adviser', 'kommune_contact'])('%s reads its own region, and gets 404 for another', async (role) => {
      const s = sessions[role];
      await s.get(`/api/regions/${own.id}`).expect(200);
      const res = await s.get(`/api/regions/${other.id}`).expect(404);
      expect(res.body.code).toBe('REGION_NOT_FOUND');
      expect(JSON.stringify(res.body)).not.toContain('Annen region');
      expect((await s.get('/api/regions').expect(200)).body.map((r: { name: string }) => r.name)).toEqual(['Egen region']);
    });

    it('admin sees every region; a person without roles sees none', async () => {
      expect((await sessions.admin.get('/api/regions')).body.map((r: { name: string }) => r.name)).toEqual(['Annen region', 'Egen region']);
      expect((await sessions.none.get('/api/regions')).body).toEqual([]);
      await sessions.none.get(`/api/regions/${own.id}`).expect(404);
    });

    it.each(['regionraad', 'adviser', 'kommune_contact', 'none'])('%s may not change regions, kommuner or accounts (403)', async (role) => {
      const s = sessions[role];
      const k = await t.factories.newKommune();
      const attempts = [
        s.post('/api/regions').send({ name: 'Ny', councilName: 'x' }),
        s.patch(`/api/regions/${own.id}`).send({ name: 'Omdøpt', version: 1 }),
        s.post(`/api/regions/${own.id}/members`).send({ kommuneId: k.id, validFrom: '2024-01-01' }),
        s.post('/api/kommuner').send({ number: '3399', name: 'X', county: 'Buskerud' }),
        s.get('/api/users'),
        s.post('/api/users').send({ email: 'x@y.no', name: 'X', newPassword: 'long-enough-password' }),
      ];
      for (const res of await Promise.all(attempts))
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect((await t.db.query(`SELECT name FROM region WHERE id = $1`, [own.id]))[0].name).toBe('Egen region');
    });

    it('every signed-in person may read kommuner (public facts)', async () => {
      await sessions.kommune_contact.get('/api/kommuner').expect(200);
    });

    it('admin may change regions', async () => {
      await sessions.admin.patch(`/api/regions/${other.id}`).send({ description: 'Endret', version: 1 }).expect(200);
    });
  });
});
