import type { Locator, Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn, logOut } from './support/session';

jest.setTimeout(90_000);

/** The population history on a region's page: read, record, correct and delete a figure, with the change log. */
describe('population figures in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let section: Locator;
  const nextYear = new Date().getFullYear() + 1;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const figures = () => section.getByRole('table', { name: 'Innbyggertall for Kongsvinger, nyeste først' });
  const changes = () => section.getByRole('table', { name: 'Endringer i innbyggertallene for Kongsvinger, nyeste først' });
  const status = () => section.locator('[aria-live="polite"]').first();

  it('shows a member kommune’s figures with who recorded them; the page passes axe', async () => {
    await logIn(page, server.baseUrl, 'admin@demo.no', '/regioner');
    await page.getByRole('link', { name: 'Glåmdalsregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glåmdalsregionen' }).waitFor();
    section = page.getByRole('region', { name: 'Innbyggertall', exact: true });
    await section.getByLabel('Kommune').selectOption({ label: 'Kongsvinger' });
    await figures().waitFor();
    expect(await figures().locator('tbody tr').count()).toBe(1);
    expect(await figures().locator('tbody tr').first().innerText()).toMatch(/1\. januar 2024\s+18\s100\s+Ukjent/);
    await section.getByText('Ingen endringer er registrert ennå.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('refuses a date outside 1900 – next year before sending it', async () => {
    await section.getByLabel('Per dato').fill('2099-01-01');
    await section.getByLabel('Innbyggere', { exact: true }).fill('18500');
    await section.getByRole('button', { name: 'Lagre innbyggertall' }).click();
    await section.getByText(`Datoen må være fra 1. januar 1900 til 31. desember ${nextYear}.`).waitFor();
    expect(await figures().locator('tbody tr').count()).toBe(1);
  });

  it('records, corrects and deletes a figure, each change in the log', async () => {
    await section.getByLabel('Per dato').fill('2025-01-01');
    await section.getByRole('button', { name: 'Lagre innbyggertall' }).click();
    await status()
      .getByText(/Innbyggertallet for Kongsvinger per 1\. januar 2025 er lagret: 18\s500\./)
      .waitFor();
    expect(await figures().locator('tbody tr').count()).toBe(2);
    expect(await figures().locator('tbody tr').first().innerText()).toMatch(/1\. januar 2025\s+18\s500\s+.+ av /);

    await section.getByRole('button', { name: 'Korriger innbyggertallet per 1. januar 2025' }).click();
    await section.getByRole('heading', { name: 'Korriger innbyggertallet for Kongsvinger per 1. januar 2025' }).waitFor();
    await section.getByLabel('Innbyggere', { exact: true }).fill('18450');
    await section.getByRole('button', { name: 'Lagre korrigeringen' }).click();
    await status()
      .getByText(/er korrigert til 18\s450\./)
      .waitFor();

    await section.getByRole('button', { name: 'Slett innbyggertallet per 1. januar 2025' }).click();
    await section.getByText(/Vil du slette innbyggertallet for Kongsvinger per 1\. januar 2025/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'Slett innbyggertallet', exact: true }).click();
    await status().getByText('Innbyggertallet for Kongsvinger per 1. januar 2025 er slettet.').waitFor();
    expect(await figures().locator('tbody tr').count()).toBe(1);

    const rows = changes().locator('tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/Slettet\s+1\. januar 2025\s+18\s450\s+–/);
    expect(await rows.nth(1).innerText()).toMatch(/Korrigert\s+1\. januar 2025\s+18\s500\s+18\s450/);
    expect(await rows.nth(2).innerText()).toMatch(/Registrert\s+1\. januar 2025\s+–\s+18\s500/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("imports SSB's figures for 2024 onto today's kommuner; the hand-typed figure stays and is flagged where SSB differs", async () => {
    const ssb = section.getByRole('region', { name: 'Folketall fra SSB' });
    const year2024 = ssb.getByRole('checkbox', { name: '1. januar 2024' });
    expect(await year2024.isChecked()).toBe(true);
    await ssb.getByRole('button', { name: 'Hent folketall fra SSB' }).click();
    await ssb.getByText(/^Hentet folketall for 2024: .* skrevet inn for hånd beholdt \(\d+ avviker fra SSB\)\.$/).waitFor();
    // Kongsvinger's demo figure for 2024 was typed by hand (18 100); SSB's own is kept beside it.
    await figures()
      .locator('tbody tr')
      .first()
      .getByText(/^Avviker fra SSB/)
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the history in English too', async () => {
    await page.getByLabel('Språk').selectOption('en');
    const english = page.getByRole('region', { name: 'Population', exact: true });
    await english.getByRole('table', { name: 'Changes to the population figures of Kongsvinger, newest first' }).waitFor();
    await english.getByText('Deleted', { exact: true }).waitFor();
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { level: 2, name: 'Innbyggertall' }).waitFor();
  });

  it('refuses a cost-sharing population date with no figures, saying so at the date field', async () => {
    await logOut(page);
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    await page
      .getByRole('region', { name: 'Næringsvennlig Kongsbergregion 2026' })
      .getByRole('link', { name: 'Prosjektplan for hovedprosjektet', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();
    await page.getByRole('table', { name: /Fordeling av 500\s000\skr i 2027/ }).waitFor();
    const date = page.getByLabel('Innbyggertall per dato');
    await date.fill('2007-01-01'); // members since 2006, figures from 2008
    await page.getByRole('button', { name: 'Lagre fordelingen' }).click();
    await page.getByText(/^Fordelingen ble ikke lagret: minst én kommune mangler innbyggertall/).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // An empty date means the newest figures.
    await date.fill('');
    await page.getByRole('button', { name: 'Lagre fordelingen' }).click();
    await page.getByText('Fordelingen er lagret.').waitFor();
    await page.getByRole('table', { name: /Fordeling av 500\s000\skr i 2027/ }).waitFor();
  });
});
