import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn } from './support/session';

jest.setTimeout(60_000);

/** Kongsbergregionen 2026's cost sharing is made for 1 January 2008: the kommuner under their 2008 numbers. */
describe('a cost split for a past date in the browser', () => {
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

  it('shows the numbers of the date and the population of 1 January that year', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    await page
      .getByRole('region', { name: 'Næringsvennlig Kongsbergregion 2026' })
      .getByRole('link', { name: 'Prosjektplan for hovedprosjektet', exact: true })
      .click();
    const sharing = page.getByRole('table', { name: /Fordeling av 500\s000\skr i 2027/ });
    await sharing.waitFor();
    await sharing.getByRole('columnheader', { name: 'Innbyggere per 1. januar 2008' }).waitFor();
    // Kongsberg was 0604 and Notodden 0807 in 2008 (3303 and 4005 today).
    expect(await sharing.getByRole('rowheader', { name: 'Kongsberg (0604)' }).count()).toBe(1);
    expect(await sharing.getByRole('rowheader', { name: 'Notodden (0807)' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says so when no kommune was a member on the chosen date', async () => {
    const date = page.getByLabel('Innbyggertall per dato');
    await date.fill('2005-06-30');
    await page.getByRole('button', { name: 'Lagre fordelingen' }).click();
    await page.getByText(/^Fordelingen ble ikke lagret: ingen av prosjektets kommuner var medlem av regionen/).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
  });
});
