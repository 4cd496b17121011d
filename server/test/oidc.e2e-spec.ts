import request from 'supertest';
import type { OidcProviderConfig } from '../src/config/app-config';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';
import { listenTestOidcProvider, type TestAccount as Account, type TestOidcProvider } from './support/test-oidc-provider';

/**
 * Sign-in with OpenID Connect against a real provider (the `oidc-provider` package) on loopback: the
 * authorization code flow with PKCE, state and nonce, through the app's start and callback routes. Each
 * refusal (wrong state, replayed code, unverified e-mail, an e-mail with no account or invitation, a
 * provider that is down) has its own code, and creates no account.
 */
describe('sign-in with an OpenID Connect provider', () => {
  let t: TestApp;
  let testOp: TestOidcProvider;
  let opServer: TestOidcProvider['server'];
  let issuer: string;
  const appBase = 'http://127.0.0.1:38117';
  const redirectUri = `${appBase}/api/auth/oidc/callback`;

  beforeAll(async () => {
    const listening = await listenTestOidcProvider();
    listening.configure({ redirectUri, postLogoutUri: `${appBase}/logg-inn` });
    testOp = listening;
    opServer = testOp.server;
    issuer = testOp.issuer;
    const testProvider: OidcProviderConfig = testOp.config;
    const down: OidcProviderConfig = { ...testProvider, id: 'nede', name: 'Nede', issuer: 'http://127.0.0.1:9' };
    t = await createTestApp({ publicBaseUrl: appBase, oidcProviders: [testProvider, down] });
  });
  afterAll(async () => {
    await t.close();
    await testOp.close();
  });

  const pathOf = (url: string) => {
    const u = new URL(url, issuer);
    return `${u.pathname}${u.search}`;
  };
  const accounts_ = async (email: string) =>
    Number((await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE lower(email) = lower($1)`, [email]))[0].n);

  /** Starts a sign-in in a browser (agent), lets the provider sign `account` in, and answers the callback path it sends the browser to. */
  async function throughProvider(
    account: Account,
    opts: { invitation?: string; agent?: ReturnType<typeof request.agent>; startUrl?: string } = {},
  ) {
    testOp.signInNext(account);
    const agent = opts.agent ?? request.agent(t.app.getHttpServer());
    let location = opts.startUrl;
    if (!location) {
      const start = await agent
        .get(`/api/auth/oidc/start?provider=test${opts.invitation ? `&invitation=${opts.invitation}` : ''}`)
        .expect(302);
      location = String(start.headers.location);
    }
    const authorize = new URL(location);
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const op = request.agent(opServer);
    for (let i = 0; i < 10 && !location.startsWith(redirectUri); i++) {
      const r = await op.get(pathOf(location));
      if (!r.headers.location) throw new Error(`The provider stopped at ${location}: ${r.status} ${r.text.slice(0, 300)}`);
      location = new URL(String(r.headers.location), issuer).href;
    }
    expect(location.startsWith(redirectUri)).toBe(true);
    return { agent, callbackPath: location.slice(appBase.length) };
  }

  /** The whole sign-in: answers where the app sent the browser at the end, and the browser. */
  async function signInWith(account: Account, opts: { invitation?: string } = {}) {
    const { agent, callbackPath } = await throughProvider(account, opts);
    const done = await agent.get(callbackPath).expect(302);
    return { agent, location: String(done.headers.location), callbackPath };
  }

  const invite = async (email: string, roles: unknown[]) => {
    const admin = await t.as([{ role: 'admin' }]);
    await admin.post('/api/invitations').send({ email, roles }).expect(201);
    const body = (await t.db.query(`SELECT body_text FROM outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1`, [email]))[0].body_text;
    return /#([A-Za-z0-9_-]+)/.exec(body as string)![1];
  };

  it('lists the providers for the sign-in page', async () => {
    const res = await t.http().get('/api/auth/providers').expect(200);
    expect(res.body).toEqual({
      passwordSignIn: 'on',
      providers: [
        { id: 'test', name: 'Testinnlogging' },
        { id: 'nede', name: 'Nede' },
      ],
    });
  });

  it("creates an invited person's account with the invited roles on their first sign-in, and finds it again by the link", async () => {
    const region = await t.factories.newRegion({ name: 'OIDC-regionen' });
    await invite('ola@kommune.no', [{ role: 'regionraad', regionId: region.id }]);
    const person = { sub: 'ola-sub', email: 'Ola@Kommune.no', email_verified: true, name: 'Ola Nordmann' };
    const first = await signInWith(person);
    expect(first.location).toBe('/');
    const me = await first.agent.get('/api/auth/me').expect(200);
    expect(me.body).toMatchObject({
      user: { email: 'ola@kommune.no', name: 'Ola Nordmann' },
      roles: [{ role: 'regionraad', regionId: region.id, regionName: 'OIDC-regionen' }],
    });
    expect(await t.db.query(`SELECT provider, subject FROM identity_link WHERE user_id = $1`, [me.body.user.id])).toEqual([
      { provider: 'test', subject: 'ola-sub' },
    ]);
    expect((await t.db.query(`SELECT accepted_by FROM invitation WHERE email = 'ola@kommune.no'`))[0].accepted_by).toBe(me.body.user.id);
    // The account has no password to guess.
    await t.http().post('/api/auth/login').send({ email: 'ola@kommune.no', password: '' }).expect(400);

    // Again: the same account, found by the linked identity (even after the e-mail changed at the provider).
    const again = await signInWith({ ...person, email: 'ola.ny@kommune.no' });
    expect(again.location).toBe('/');
    expect((await again.agent.get('/api/auth/me').expect(200)).body.user.id).toBe(me.body.user.id);
    expect(await accounts_('ola.ny@kommune.no')).toBe(0);

    // Replaying the callback: the state was used once.
    const replay = await again.agent.get(again.callbackPath).expect(302);
    expect(replay.headers.location).toBe('/logg-inn?feil=OIDC_STATE_INVALID');

    // Signing out ends the local session and answers the provider's sign-out address.
    const csrf = (await again.agent.get('/api/auth/me').expect(200)).body.csrfToken;
    const out = await again.agent.post('/api/auth/oidc/logout').set('X-CSRF-Token', csrf).expect(200);
    const endSession = new URL(out.body.redirectUrl);
    expect(endSession.origin).toBe(issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${appBase}/logg-inn`);
    await again.agent.get('/api/auth/me').expect(401);
  });

  it('matches an existing account by its verified e-mail and links it', async () => {
    const user = await t.factories.newUser({ email: 'kari@kommune.no' });
    const res = await signInWith({ sub: 'kari-sub', email: 'KARI@kommune.no', email_verified: true });
    expect(res.location).toBe('/');
    expect((await res.agent.get('/api/auth/me').expect(200)).body.user.id).toBe(user.id);
    expect(await t.db.query(`SELECT subject FROM identity_link WHERE user_id = $1`, [user.id])).toEqual([{ subject: 'kari-sub' }]);
  });

  it('refuses a wrong state, and a state from another browser', async () => {
    await t.factories.newUser({ email: 'state@kommune.no' });
    const { agent, callbackPath } = await throughProvider({ sub: 'state-sub', email: 'state@kommune.no', email_verified: true });
    const wrong = callbackPath.replace(/state=[^&]+/, 'state=not-the-state');
    expect((await agent.get(wrong).expect(302)).headers.location).toBe('/logg-inn?feil=OIDC_STATE_INVALID');
    // The right callback in another browser (without the state cookie) is refused too.
    const elsewhere = await request.agent(t.app.getHttpServer()).get(callbackPath).expect(302);
    expect(elsewhere.headers.location).toBe('/logg-inn?feil=OIDC_STATE_INVALID');
    expect(String(elsewhere.headers['set-cookie'] ?? '')).not.toContain('nvr_session=');
    expect(await t.db.query(`SELECT 1 FROM identity_link WHERE subject = 'state-sub'`)).toEqual([]);
  });

  it('refuses a replayed code', async () => {
    await t.factories.newUser({ email: 'replay@kommune.no' });
    const first = await signInWith({ sub: 'replay-sub', email: 'replay@kommune.no', email_verified: true });
    expect(first.location).toBe('/');
    const oldCode = new URL(first.callbackPath, appBase).searchParams.get('code');
    // A new sign-in in the same browser, but the old code sent with the new state.
    const second = await throughProvider({ sub: 'replay-sub', email: 'replay@kommune.no', email_verified: true });
    const replayed = second.callbackPath.replace(/code=[^&]+/, `code=${oldCode}`);
    const res = await second.agent.get(replayed).expect(302);
    expect(res.headers.location).toBe('/logg-inn?feil=OIDC_SIGN_IN_FAILED');
    await second.agent.get('/api/auth/me').expect(401);
  });

  it('refuses an unverified e-mail, even one with an invitation, and creates nothing', async () => {
    await invite('uverifisert@kommune.no', [{ role: 'admin' }]);
    const res = await signInWith({ sub: 'unverified-sub', email: 'uverifisert@kommune.no', email_verified: false });
    expect(res.location).toBe('/logg-inn?feil=OIDC_EMAIL_NOT_VERIFIED');
    expect(await accounts_('uverifisert@kommune.no')).toBe(0);
    expect((await t.db.query(`SELECT accepted_at FROM invitation WHERE email = 'uverifisert@kommune.no'`))[0].accepted_at).toBeNull();
    expect(await t.db.query(`SELECT 1 FROM identity_link WHERE subject = 'unverified-sub'`)).toEqual([]);
  });

  it('refuses an e-mail that matches no account or invitation, and one outside the provider’s domains', async () => {
    const none = await signInWith({ sub: 'stranger-sub', email: 'fremmed@kommune.no', email_verified: true });
    expect(none.location).toBe('/logg-inn?feil=OIDC_NO_ACCOUNT');
    expect(await accounts_('fremmed@kommune.no')).toBe(0);
    await t.factories.newUser({ email: 'annet@example.org' });
    const domain = await signInWith({ sub: 'domain-sub', email: 'annet@example.org', email_verified: true });
    expect(domain.location).toBe('/logg-inn?feil=OIDC_DOMAIN_NOT_SERVED');
    expect(await t.db.query(`SELECT 1 FROM identity_link WHERE subject IN ('stranger-sub', 'domain-sub')`)).toEqual([]);
  });

  it('accepts an invitation through its link with a provider that gives no e-mail (as ID-porten)', async () => {
    const region = await t.factories.newRegion({ name: 'ID-porten-regionen' });
    const token = await invite('idporten@kommune.no', [{ role: 'adviser', regionId: region.id }]);
    const res = await signInWith({ sub: 'pid-12345678901' }, { invitation: token });
    expect(res.location).toBe('/');
    const me = (await res.agent.get('/api/auth/me').expect(200)).body;
    expect(me).toMatchObject({
      user: { email: 'idporten@kommune.no', name: 'idporten' },
      roles: [{ role: 'adviser', regionId: region.id }],
    });
    // The link works once.
    const start = await request.agent(t.app.getHttpServer()).get(`/api/auth/oidc/start?provider=test&invitation=${token}`).expect(302);
    expect(start.headers.location).toBe('/logg-inn?feil=INVITATION_USED');
  });

  it('lets the owner link a provider identity to their account once', async () => {
    const user = await t.factories.newUser({ email: 'eier@example.org' });
    const session = await t.signIn(user.email, TEST_PASSWORD);
    const linked = await session.post('/api/auth/oidc/link').send({ provider: 'test' }).expect(200);
    // The browser goes to the provider and back, carrying the state cookie the answer set.
    expect(String(linked.headers['set-cookie'])).toMatch(/nvr_oidc=[\w-]+;.*Path=\/api\/auth\/oidc;.*HttpOnly/);
    const { redirectUrl } = linked.body as { redirectUrl: string };
    expect(new URL(redirectUrl).origin).toBe(issuer);
    const state = new URL(redirectUrl).searchParams.get('state');
    const browser = request.agent(t.app.getHttpServer());
    browser.jar.setCookie(`nvr_oidc=${state}; Path=/api/auth/oidc`, '127.0.0.1', '/api/auth/oidc');
    const { callbackPath } = await throughProvider(
      { sub: 'eier-sub', email: 'eier.annen@kommune.no', email_verified: false },
      { agent: browser, startUrl: redirectUrl },
    );
    expect((await browser.get(callbackPath).expect(302)).headers.location).toBe('/endre-passord?koblet=1');
    expect(await t.db.query(`SELECT user_id FROM identity_link WHERE subject = 'eier-sub'`)).toEqual([{ user_id: user.id }]);
    // The account page lists it (and only the person's own links).
    expect((await session.get('/api/auth/oidc/links').expect(200)).body).toEqual([
      { provider: 'test', name: expect.any(String), linkedAt: expect.any(String) },
    ]);
    expect((await (await t.as([])).get('/api/auth/oidc/links').expect(200)).body).toEqual([]);
    // From now on the provider signs the owner in, whatever e-mail it gives.
    const res = await signInWith({ sub: 'eier-sub', email: 'eier.annen@kommune.no', email_verified: false });
    expect(res.location).toBe('/');
    expect((await res.agent.get('/api/auth/me').expect(200)).body.user.id).toBe(user.id);
  });

  it('answers a provider that is down, and an unknown provider, with a clear code', async () => {
    const down = await t.http().get('/api/auth/oidc/start?provider=nede').expect(302);
    expect(down.headers.location).toBe('/logg-inn?feil=OIDC_PROVIDER_UNAVAILABLE');
    const unknown = await t.http().get('/api/auth/oidc/start?provider=ukjent').expect(302);
    expect(unknown.headers.location).toBe('/logg-inn?feil=OIDC_PROVIDER_NOT_FOUND');
    await t.http().get('/api/auth/oidc/start?provider=UGYLDIG!').expect(400);
    expect(await t.db.query(`SELECT 1 FROM oidc_login WHERE provider = 'nede'`)).toEqual([]);
  });

  it('is refused by the provider without PKCE', async () => {
    const res = await request(opServer).get(
      `/auth?client_id=nvr&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}&state=s&nonce=n`,
    );
    const location = String(res.headers.location ?? '');
    expect(location.startsWith(redirectUri)).toBe(true);
    expect(new URL(location).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(location).searchParams.get('error_description')).toMatch(/PKCE/);
  });
});
