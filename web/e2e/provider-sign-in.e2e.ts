import type { Page } from 'playwright-core';
import { listenTestOidcProvider } from '../../server/test/support/test-oidc-provider';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn, logOut } from './support/session';

/**
 * Signing in with the organisation's own identity, in the browser, against a real OpenID Connect provider
 * on loopback: a project leader links "Testinnlogging" to her account from the account page, then signs in
 * with it from the sign-in page; a person the app does not know is sent back with a message they can act on.
 */
jest.setTimeout(120_000);

describe('signing in with an OpenID Connect provider in the browser', () => {
  let provider: Awaited<ReturnType<typeof listenTestOidcProvider>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    provider = await listenTestOidcProvider();
    [server, browser] = await Promise.all([
      startAppServer((baseUrl) => ({ publicBaseUrl: baseUrl, oidcProviders: [provider.config] })),
      launchBrowser(),
    ]);
    provider.configure({ redirectUri: `${server.baseUrl}/api/auth/oidc/callback`, postLogoutUri: `${server.baseUrl}/logg-inn` });
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it('a project leader links the provider to her account on the account page; it passes axe', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', '/endre-passord');
    await page.getByRole('heading', { level: 2, name: 'Logg inn med organisasjonens konto' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Her work identity: the provider does not vouch for the e-mail, so only linking it ties it to her account.
    provider.signInNext({ sub: 'pl-work-id', email: 'pia@arbeid.example', email_verified: false, name: 'Pia' });
    await page.getByRole('button', { name: 'Koble til Testinnlogging' }).click();
    await page.waitForURL(/\/endre-passord\?koblet=1$/);
    await page.getByText('Innloggingen er koblet til kontoen din.').waitFor();
    await page.getByText(/^Testinnlogging: koblet /).waitFor();
    expect(await page.getByRole('button', { name: 'Koble til Testinnlogging' }).count()).toBe(0);
    await logOut(page);
  });

  it('she then signs in with the provider from the sign-in page, no password asked', async () => {
    await page.goto(server.baseUrl + '/logg-inn');
    const withProvider = page.getByRole('link', { name: 'Logg inn med Testinnlogging' });
    await withProvider.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    provider.signInNext({ sub: 'pl-work-id', email: 'pia@arbeid.example', email_verified: false });
    await withProvider.click();
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();

    // Signing out ends the session here and at the provider, which asks to confirm and sends her back to sign-in.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(await page.request.get(`${server.baseUrl}/api/auth/me`).then((r) => r.status())).toBe(401);
  });

  it('someone with no account and no invitation lands on the sign-in page with what to do, and no account is made', async () => {
    await page.goto(server.baseUrl + '/logg-inn');
    provider.signInNext({ sub: 'stranger', email: 'ukjent@kommune.no', email_verified: true });
    await page.getByRole('link', { name: 'Logg inn med Testinnlogging' }).click();
    await page.waitForURL(/\/logg-inn\?feil=OIDC_NO_ACCOUNT$/);
    await page.getByText('Ingen konto eller invitasjon for e-postadressen. Be om en invitasjon.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.request.get(`${server.baseUrl}/api/auth/me`).then((r) => r.status())).toBe(401);
  });
});
