import type { Locator, Page } from 'playwright-core';
import { startFakeSsb } from '../../server/test/support/fake-ssb';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn } from './support/session';

jest.setTimeout(90_000);

/** The admin fetches new population figures from SSB on the SSB import screen (SSB played by a local fake). */
describe('fetching new figures from SSB in the browser', () => {
  let fake: Awaited<ReturnType<typeof startFakeSsb>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let refresh: Locator;
  const thisYear = new Date().getFullYear();

  beforeAll(async () => {
    fake = await startFakeSsb({
      '0': { '2024': 5550203, '2025': 5594340 },
      '3401': { '2024': 18200, '2025': 18350 },
      '3303': { '2024': 28848, '2025': 29001 },
    });
    [server, browser] = await Promise.all([startAppServer(() => ({ ssbApiUrl: fake.url })), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  it('shows that fetching is on, the shipped years and that nothing was fetched yet; the page passes axe', async () => {
    await logIn(page, server.baseUrl, 'admin@demo.no', '/regioner');
    await page.getByRole('link', { name: 'Glåmdalsregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glåmdalsregionen' }).waitFor();
    refresh = page
      .getByRole('region', { name: 'Innbyggertall', exact: true })
      .getByRole('region', { name: 'Folketall fra SSB' })
      .getByRole('region', { name: 'Nye tall fra SSB' });
    await refresh.getByText(/^Den medfølgende tabellen har tall for 2017–2024 \(hentet .+\)\.$/).waitFor();
    await refresh.getByText('Henting av nye tall fra SSB er slått på. Ikke hentet fra SSB ennå.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fetches from SSB and says which years are new, what changed and which years SSB lacks', async () => {
    await refresh.getByRole('button', { name: 'Hent nye tall fra SSB' }).click();
    const live = refresh.locator('[aria-live="polite"]');
    await live.getByText(/^Hentet fra SSB for 2024, 2025\. Nye år: 2025\. \d+ nye tall, \d+ endrede tall, \d+ uendret\./).waitFor();
    if (thisYear > 2025)
      await live.getByText(new RegExp(`SSB har ikke tall for ${thisYear > 2026 ? '2026, ' : ''}.*${thisYear} ennå\\.`)).waitFor();
    await refresh.getByText(/Sist hentet fra SSB .+, med tall for 2024, 2025\.$/).waitFor();
    expect(fake.requests.some((r) => decodeURIComponent(r).includes('valueCodes[Tid]=2024,2025'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('says so when SSB cannot be reached, and keeps the last fetch', async () => {
    fake.setDown(true);
    try {
      await refresh.getByRole('button', { name: 'Hent nye tall fra SSB' }).click();
      await refresh
        .locator('[aria-live="polite"]')
        .getByText(/^Kunne ikke hente nye tall fra SSB\. Fikk ikke kontakt med SSB/)
        .waitFor();
      await refresh.getByText(/Sist hentet fra SSB .+, med tall for 2024, 2025\.$/).waitFor();
    } finally {
      fake.setDown(false);
    }
  });

  it('speaks English and nynorsk too', async () => {
    await page.getByLabel('Språk').selectOption('en');
    const en = page.getByRole('region', { name: 'New figures from SSB' });
    await en.getByRole('button', { name: 'Fetch new figures from SSB' }).waitFor();
    await en.getByText(/Fetching new figures from SSB is turned on\. Last fetched from SSB .+, with figures for 2024, 2025\./).waitFor();
    await page.getByLabel('Language').selectOption('nn');
    await page.getByRole('region', { name: 'Nye tal frå SSB' }).getByRole('button', { name: 'Hent nye tal frå SSB' }).waitFor();
    await page.getByLabel('Språk').selectOption('nb');
  });
});
