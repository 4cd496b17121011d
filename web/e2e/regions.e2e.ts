import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { DEMO_PASSWORD } from './support/session';

jest.setTimeout(60_000);

describe('regions in the browser', () => {
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

  it('asks for login first and returns to the page that was asked for; the login page passes axe', async () => {
    await page.goto(`${server.baseUrl}/regioner`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    expect(new URL(page.url()).searchParams.get('neste')).toBe('/regioner');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('E-postadresse').fill('admin@demo.no');
    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Feil e-postadresse eller passord' }).waitFor();

    await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/regioner');
  });

  it('lists the regions; the list passes axe', async () => {
    const table = page.getByRole('table', { name: 'Alle regioner' });
    await table.getByRole('link', { name: 'Kongsbergregionen' }).waitFor();
    await table.getByRole('link', { name: 'Glåmdalsregionen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows Kongsbergregionen with its 7 member kommuner and 50 388 inhabitants; the page passes axe', async () => {
    await page.getByRole('link', { name: 'Kongsbergregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kongsbergregionen' }).waitFor();
    const members = page.getByRole('table', { name: /Kommuner som er medlemmer av Kongsbergregionen/ });
    await members.waitFor();
    expect(await members.locator('tbody tr').count()).toBe(7);
    expect(await members.locator('tfoot').innerText()).toMatch(/50\s388/);
    expect(await page.locator('.facts').innerText()).toMatch(/50\s388 innbyggere/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches to English', async () => {
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Member municipalities' }).waitFor();
    await page.getByRole('link', { name: 'Projects' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Kongsbergregionen');
    // Back to bokmål, so the stored choice does not follow this profile into other checks.
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { level: 2, name: 'Medlemskommuner' }).waitFor();
  });
});
