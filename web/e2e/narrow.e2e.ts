import type { Page } from 'playwright-core';
import type { ProjectSummary } from '../src/api/types';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut } from './support/session';

/**
 * Phones and narrow windows: every main page of each role at 390 px (a phone) and at 1280 px (a laptop)
 * scrolls only up and down — wide tables scroll inside their own box with the first column held — and on the
 * phone passes axe; there the header folds behind "Meny" and leaves the first screen to the page.
 */
jest.setTimeout(240_000);

const WIDTHS = [390, 1280] as const;

describe('the main pages on a phone and on a laptop', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'admin@demo.no');
    const api = await apiAs(page, server.baseUrl);
    const projects = await api.get<ProjectSummary[]>('/api/projects');
    ids.glamdal = projects.find((p) => p.name === 'Næringsvennlig Glåmdal')!.id;
    ids.kongsberg = projects.find((p) => p.name === 'Næringsvennlig Kongsbergregion 2026')!.id;
    ids.region = (await api.get<{ id: string; name: string }[]>('/api/regions')).find((r) => r.name === 'Kongsbergregionen')!.id;
    await logOut(page);
  });

  // Each test signs in afresh, whatever the one before left behind.
  beforeEach(() => browser.context.clearCookies());

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page's width, the window's, and what sticks out on the right (outside any box that scrolls sideways). */
  const overflow = () =>
    page.evaluate(() => {
      const viewport = document.documentElement.clientWidth;
      // Clipped by a box that scrolls or hides; what is positioned absolutely escapes every box below its containing block.
      const clipped = (el: HTMLElement): boolean => {
        const from = getComputedStyle(el).position === 'absolute' ? el.offsetParent : el.parentElement;
        for (let box = from; box && box !== document.body; box = box.parentElement) {
          if (getComputedStyle(box).overflowX !== 'visible') return true;
        }
        return false;
      };
      const offenders = [...document.body.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.getBoundingClientRect().right > viewport + 1 && !clipped(el))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
      return { width: document.documentElement.scrollWidth, viewport, offenders };
    });

  /** The page scrolls only up and down; on a phone it also passes axe (the desktop layout is checked by each page's own suite). */
  async function check(path: string) {
    await page.goto(server.baseUrl + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const { width, viewport, offenders } = await overflow();
    expect({ path, width, offenders }).toEqual({ path, width: viewport, offenders: [] });
    if (viewport < 600) expect(await seriousA11yViolations(page)).toEqual([]);
  }

  const pagesOf: [string, () => string[]][] = [
    ['radgiver@demo.no', () => ['/portefolje', '/laering', `/prosjekter/${ids.kongsberg}`]],
    [
      'prosjektleder@demo.no',
      () => [
        '/mine-oppgaver',
        `/prosjekter/${ids.kongsberg}`,
        `/prosjekter/${ids.kongsberg}/faser/hovedprosjekt/plan`,
        `/prosjekter/${ids.kongsberg}/statusrapporter`,
        `/prosjekter/${ids.kongsberg}/risikoer`,
        `/prosjekter/${ids.kongsberg}/gevinster`,
      ],
    ],
    ['regionrad@demo.no', () => ['/venter-pa-deg', `/regioner/${ids.region}`, `/prosjekter/${ids.kongsberg}/faser/forprosjekt/beslutning`]],
    ['admin@demo.no', () => ['/admin/brukere', '/regioner', '/maler']],
  ];

  for (const width of WIDTHS) {
    it.each(pagesOf)(
      `at ${width} px, the main pages of %s scroll only up and down${width < 600 ? ' and pass axe' : ''}`,
      async (email, paths) => {
        await page.setViewportSize({ width, height: 800 });
        await logIn(page, server.baseUrl, email);
        for (const path of paths()) await check(path);
      },
    );
  }

  it('on a phone the header folds behind "Meny": opened by the button, closed by Escape and by choosing a page', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await logIn(page, server.baseUrl, 'radgiver@demo.no', '/portefolje');
    const header = await page.locator('header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(800 * 0.15);
    const menuButton = page.getByRole('button', { name: 'Meny' });
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    await menuButton.click();
    await nav.waitFor();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Språk').focus();
    await page.keyboard.press('Escape');
    await nav.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Meny');

    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Prosjekter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prosjekter' }).waitFor();
    await nav.waitFor({ state: 'hidden' });
    await menuButton.click();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
  });

  it("on a phone the budget's amounts are reached by scrolling the table, its first column staying in view", async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', `/prosjekter/${ids.kongsberg}/faser/hovedprosjekt/plan`);
    const amount = page.getByLabel('Beløp i kroner, kostnadslinje 1', { exact: true });
    await amount.scrollIntoViewIfNeeded();
    const box = await amount.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // The table's box scrolls (and is a named, focusable region for the keyboard); the page does not.
    const region = page.getByRole('region', { name: 'Kostnader' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const firstCell = region.locator('tbody tr').first().locator(':scope > *').first();
    const cellBox = await firstCell.boundingBox();
    expect(cellBox!.x).toBeGreaterThanOrEqual(0);
    expect(cellBox!.x).toBeLessThan(390 / 2);
    const { width, viewport } = await overflow();
    expect(width).toBe(viewport);
  });
});
