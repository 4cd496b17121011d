import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Download, Page } from 'playwright-core';
import axe from 'axe-core';
import { resolveChromiumPath } from './chromium-path';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? resolveChromiumPath();
}

/** Set by the web suites' global setup: the one Chromium every suite of the run opens its contexts in. */
export const BROWSER_WS_ENV = 'NVR_BROWSER_WS';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A fresh browser context (no cookies, no storage: like a new profile), Norwegian by default like our users'
 * browsers. Inside `npm test` it opens in the Chromium the global setup started once for the whole run;
 * otherwise it launches a Chromium of its own.
 */
export async function launchBrowser(locale = 'nb-NO'): Promise<TestBrowser> {
  const wsEndpoint = process.env[BROWSER_WS_ENV];
  const browser = wsEndpoint
    ? await chromium.connect(wsEndpoint)
    : await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale, acceptDownloads: true });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

/** A download's content as text. The shared browser runs in another process, so the file is saved to read it. */
export async function downloadedText(download: Download): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'nvr-download-'));
  try {
    const file = join(dir, 'file');
    await download.saveAs(file);
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A download's bytes (see downloadedText). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'nvr-download-'));
  try {
    const file = join(dir, 'file');
    await download.saveAs(file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The rule sets checked on every page: WCAG 2.1 level A and AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * WCAG 2.1 A/AA checks with axe; returns the serious and critical violations, described for a failure message.
 *
 * axe runs in the page itself, injected once per document: `@axe-core/playwright`'s AxeBuilder opened a
 * blank page for every check to merge its results, which made each check 3–4 times slower (5–9 s against
 * 1.5–2.5 s on a busy 2-core machine), for frames this app does not have.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const inPage = (window as unknown as { axe: typeof axe }).axe;
    const result = await inPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

/**
 * Waits until no region of the page is marked busy. A list that refetches (a new sort, a filter) keeps showing
 * the rows it had, under aria-busy, until the new ones arrive: read rows only once this resolves.
 */
export async function untilSettled(page: Page): Promise<void> {
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
}
