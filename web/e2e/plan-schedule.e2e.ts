import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn, logOut } from './support/session';

/**
 * The plan's schedule per sub-goal and the default rate of own work, on Kongsbergregionen 2026's
 * hovedprosjekt plan: the seed plan's sub-goals start "Fra start", "Fra 3. kv." and "Fra 4. kv." of the
 * third year; the leader adds an end quarter, the regionråd reads it; a new own-work line starts at the
 * configured rate.
 */
jest.setTimeout(60_000);

describe('the plan schedule and own-work rate in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let planPath: string;

  beforeAll(async () => {
    // Not the default, so the page shows the setting.
    [server, browser] = await Promise.all([startAppServer(() => ({ ownWorkHourlyRate: 720 })), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the leader sets the end quarter of sub-goal 2; it is saved and still there after a reload', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    await page
      .getByRole('region', { name: 'Næringsvennlig Kongsbergregion 2026' })
      .getByRole('link', { name: 'Prosjektplan for hovedprosjektet', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();
    planPath = new URL(page.url()).pathname;

    const start = page.getByLabel('Start, delmål 2', { exact: true });
    const end = page.getByLabel('Slutt, delmål 2', { exact: true });
    expect(await start.inputValue()).toBe('2027-Q3');
    expect(await end.inputValue()).toBe('');
    // Choices read as the seeds write quarters.
    expect(await start.locator('option:checked').innerText()).toBe('3. kv. 2027');

    // An end before the start is said at once, by the field.
    await end.selectOption('2027-Q1');
    await page.getByText('Slutten kan ikke være før starten.').waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');

    await end.selectOption('2029-Q2');
    await page.getByText(/^Lagret \d\d:\d\d$/).waitFor({ timeout: 10_000 });
    expect(await page.getByText('Slutten kan ikke være før starten.').count()).toBe(0);
    await page.reload();
    await page.getByLabel('Slutt, delmål 2', { exact: true }).waitFor();
    expect(await page.getByLabel('Slutt, delmål 2', { exact: true }).inputValue()).toBe('2029-Q2');
    expect(await page.getByLabel('Start, delmål 1', { exact: true }).inputValue()).toBe('2027-Q1');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the regionråd reads the schedule under each sub-goal ("Fra 3. kv. 2027 til 2. kv. 2029")', async () => {
    await logOut(page);
    await logIn(page, server.baseUrl, 'regionrad@demo.no', planPath);
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();
    await page.getByText('Fra 3. kv. 2027 til 2. kv. 2029', { exact: true }).waitFor();
    expect(await page.getByText('Fra 1. kv. 2027', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Fra 4. kv. 2029 til 4. kv. 2029', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Slutt, delmål 2', { exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a new own-work line starts with the default rate, which stays editable', async () => {
    await logOut(page);
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', planPath);
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();
    await page.getByText(/En ny egeninnsatslinje starter med standardsatsen 720\skr per time/).waitFor();

    // The new line is the last cost line: its cells are named by its number.
    const name = `kostnadslinje ${(await page.getByLabel(/^Kategori, kostnadslinje \d+$/).count()) + 1}`;
    await page.getByRole('button', { name: 'Legg til kostnad' }).click();
    const category = page.getByLabel(`Kategori, ${name}`, { exact: true });
    const rate = page.getByLabel(`Sats (kr per time), ${name}`, { exact: true });
    expect(await rate.count()).toBe(0);
    await category.selectOption('own_work');
    expect(await rate.inputValue()).toBe('720');

    await page.getByLabel(`Timer, ${name}`, { exact: true }).fill('10');
    await page
      .getByLabel(`Beløp, ${name}`, { exact: true })
      .filter({ hasText: /7\s200\skr/ })
      .waitFor();
    await rate.fill('650');
    await page
      .getByLabel(`Beløp, ${name}`, { exact: true })
      .filter({ hasText: /6\s500\skr/ })
      .waitFor();
    // A line that was own work already keeps its own rate when its category changes back and forth.
    await category.selectOption('consultants');
    await category.selectOption('own_work');
    expect(await rate.inputValue()).toBe('650');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
