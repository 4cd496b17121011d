import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { downloadedBytes, launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn } from './support/session';

/** The phase plan editor: Kongsbergregionen 2026's hovedprosjekt plan with its budget and cost sharing. */
jest.setTimeout(60_000);

describe('phase plans in the browser', () => {
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

  const project = () => page.getByRole('region', { name: 'Næringsvennlig Kongsbergregion 2026' });

  it('the project leader opens the hovedprosjekt plan from the start page and sees the cost-sharing table', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await project().getByRole('link', { name: 'Prosjektplan for hovedprosjektet', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/prosjekter\/[0-9a-f-]{36}\/faser\/hovedprosjekt\/plan$/);

    const sharing = page.getByRole('table', { name: /Fordeling av 500\s000\skr i 2027/ });
    await sharing.waitFor();
    expect(await sharing.getByRole('row', { name: /^Kongsberg / }).innerText()).toMatch(/23\s997.*154\s775\skr/s);
    expect(await sharing.locator('tfoot').innerText()).toMatch(/50\s388.*250\s000\skr.*250\s000\skr.*500\s000\skr/s);
    expect(await page.locator('.plan-completeness').innerText()).toContain('Alle de 9 påkrevde feltene er fylt ut.');
    expect(await page.getByText(/Budsjettet går i balanse: kostnader og finansiering er begge 7\s500\s000\skr/).count()).toBe(1);
  });

  it('autosaves an edited field (the reload shows it) and says what is missing while it is empty', async () => {
    const goal = page.getByLabel('Hovedmål');
    await goal.fill('');
    await page.getByRole('link', { name: '2 Mål og hovedaktiviteter: Hovedmål' }).waitFor();
    expect(await page.locator('.plan-completeness').innerText()).toContain('1 av 9 påkrevde felt mangler');

    const text = 'Etablere og utvikle et samordnet næringsapparat for hele Kongsbergregionen.';
    await goal.fill(text);
    await page.getByText(/^Lagret \d\d:\d\d$/).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByLabel('Hovedmål').waitFor();
    expect(await page.getByLabel('Hovedmål').inputValue()).toBe(text);
  });

  it('saves the budget with the plan version the autosave left (own work as hours × rate)', async () => {
    await page.getByLabel('Beløp i kroner, kostnadslinje 1', { exact: true }).fill('650 000');
    expect(await page.getByText(/Budsjettet går ikke i balanse: finansieringen er 50\s000\skr lavere enn kostnadene/).count()).toBe(1);
    await page.getByLabel('Beløp i kroner, kostnadslinje 1', { exact: true }).fill('600000');
    await page.getByLabel('Timer, kostnadslinje 6', { exact: true }).fill('2 500');
    await page.getByRole('button', { name: 'Lagre budsjettet' }).click();
    await page.getByText('Budsjettet er lagret.').waitFor();
    expect(await page.getByText(/Budsjettet går i balanse: kostnader og finansiering er begge 7\s500\s000\skr/).count()).toBe(1);
  });

  it('downloads the plan as PDF with the plan and project in its name; the page passes axe', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Last ned PDF/ }).click()]);
    expect(download.suggestedFilename()).toBe('Prosjektplan for hovedprosjektet – Næringsvennlig Kongsbergregion 2026.pdf');
    expect((await downloadedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(/^Lastet ned «Prosjektplan for hovedprosjektet/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
