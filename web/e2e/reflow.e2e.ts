import type { Page } from 'playwright-core';
import type { ProjectSummary } from '../src/api/types';
import { startAppServer } from './support/app-server';
import { launchBrowser } from './support/browser';
import { apiAs, logIn } from './support/session';

/**
 * Reflow (WCAG 2.1 1.4.10): at 320 CSS pixels the main pages of each role scroll only up and down;
 * wide tables scroll inside their own box, never the page.
 */
jest.setTimeout(120_000);

describe('the main pages at 320 px, as a project leader on a phone', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let projectId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    const api = await apiAs(page, server.baseUrl);
    projectId = (await api.get<ProjectSummary[]>('/api/projects')).find((p) => p.name === 'Næringsvennlig Glåmdal')!.id;
    await page.setViewportSize({ width: 320, height: 800 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const widthOf = (p: Page) => p.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));

  it.each([
    ['the project list', () => '/prosjekter'],
    ['the project page', () => `/prosjekter/${projectId}`],
    ['Kartlegging (surveys, conversations, needs)', () => `/prosjekter/${projectId}/kartlegging`],
    ['the recommendations register', () => `/prosjekter/${projectId}/anbefalinger`],
  ])('%s has no horizontal scrolling', async (_name, path) => {
    await page.goto(`${server.baseUrl}${path()}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const { page: width, viewport } = await widthOf(page);
    expect(width).toBeLessThanOrEqual(viewport);
  });
});
