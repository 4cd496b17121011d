import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn, logOut } from './support/session';

/** What each role sees: regions, edit buttons and navigation come from the same rules as the server's. */
jest.setTimeout(60_000);

describe('access by role in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logInWith(email: string, password: string) {
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  }

  const nav = () => page.getByRole('navigation', { name: 'Hovedmeny' });
  const regionLinks = async () => (await page.getByRole('table', { name: 'Alle regioner' }).getByRole('link').allInnerTexts()).sort();

  it('the adviser sees both regions, reads them, and has no edit buttons', async () => {
    await logIn(page, server.baseUrl, 'radgiver@demo.no', '/regioner');
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(await regionLinks()).toEqual(['Glåmdalsregionen', 'Kongsbergregionen']);
    expect(await page.getByRole('link', { name: 'Ny region' }).count()).toBe(0);
    expect(await nav().getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    expect(await page.locator('header').innerText()).toContain('Rådgiver i Innovasjon Norge, Kongsbergregionen');

    await page.getByRole('link', { name: 'Glåmdalsregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glåmdalsregionen' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Medlemskommuner' }).waitFor();
    expect(await page.getByRole('button', { name: 'Endre region' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Avslutt medlemskap/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Legg til medlemskommune' }).count()).toBe(0);

    // Following projects, not starting them.
    await nav().getByRole('link', { name: 'Prosjekter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prosjekter' }).waitFor();
    await page.getByRole('table', { name: 'Prosjekter du har tilgang til' }).waitFor();
    expect(await page.getByRole('link', { name: 'Nytt prosjekt' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('logging out ends the session: pages ask for login again', async () => {
    await logOut(page);
    await page.getByText('Du er logget ut.').waitFor();
    expect(await nav().count()).toBe(0);
    await page.goto(`${server.baseUrl}/regioner`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const me = await page.request.get(`${server.baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  });

  it('the kommune contact sees only Kongsbergregionen', async () => {
    await logIn(page, server.baseUrl, 'kontakt@demo.no', '/regioner');
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(await regionLinks()).toEqual(['Kongsbergregionen']);
    expect(await page.getByRole('link', { name: 'Ny region' }).count()).toBe(0);
    await logOut(page);
  });

  it('the administrator has the Users link, the users screen and the region buttons', async () => {
    await logIn(page, server.baseUrl, 'admin@demo.no', '/regioner');
    await page.getByRole('link', { name: 'Ny region' }).waitFor();
    await nav().getByRole('link', { name: 'Brukere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    const users = page.getByRole('table', { name: 'Alle brukerkontoer' });
    await users.getByRole('rowheader', { name: 'Rolf Regionråd' }).waitFor();
    expect(await users.innerText()).toContain('Regionråd, Kongsbergregionen');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the administrator creates an account with a region role; its owner signs in, sees that region and changes password', async () => {
    const form = page.getByRole('region', { name: 'Ny bruker' });
    await form.getByLabel('Navn', { exact: true }).fill('Nora Ny');
    await form.getByLabel('E-postadresse', { exact: true }).fill('nora.ny@demo.no');
    await form.getByLabel('Første passord').fill('forste-passord-2026');
    await form.getByRole('button', { name: 'Legg til rolle' }).click();
    await form.getByLabel('Rolle 1', { exact: true }).selectOption({ label: 'Rådgiver i Innovasjon Norge' });
    await form.getByLabel('Region for rolle 1', { exact: true }).selectOption({ label: 'Glåmdalsregionen' });
    await form.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.getByText('Kontoen til Nora Ny (nora.ny@demo.no) er opprettet.').waitFor();
    const row = page.getByRole('row', { name: /Nora Ny/ });
    expect(await row.innerText()).toContain('Rådgiver i Innovasjon Norge, Glåmdalsregionen');
    await logOut(page);

    await page.goto(`${server.baseUrl}/regioner`);
    await page.getByLabel('E-postadresse').fill('nora.ny@demo.no');
    await page.getByLabel('Passord', { exact: true }).fill('forste-passord-2026');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(await regionLinks()).toEqual(['Glåmdalsregionen']);

    await page.getByRole('link', { name: 'Endre passord' }).click();
    await page.getByLabel('Nåværende passord').fill('forste-passord-2026');
    await page.getByLabel('Nytt passord', { exact: true }).fill('mitt-eget-passord-26');
    await page.getByLabel('Gjenta nytt passord').fill('mitt-eget-passord-26');
    await page.getByRole('button', { name: 'Endre passord' }).click();
    await page.getByText('Passordet er endret.').waitFor();
    await logOut(page);
    await logInWith('nora.ny@demo.no', 'mitt-eget-passord-26');
    await logOut(page);
  });

  it('a non-administrator who opens the users screen is told they have no access', async () => {
    await logIn(page, server.baseUrl, 'regionrad@demo.no', '/admin/brukere');
    await page.getByRole('heading', { level: 1, name: 'Ingen tilgang' }).waitFor();
    expect(await nav().getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    await logOut(page);
  });
});
