import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-passord-2026';

/**
 * Opens `path` (the login page when signed out), signs in through the form, and waits for the header's "Logg ut"
 * (on a phone it is there, folded behind "Meny").
 */
export async function logIn(page: Page, baseUrl: string, email: string, path = '/'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.locator('header').getByRole('button', { name: 'Logg ut', includeHidden: true }).waitFor({ state: 'attached' });
}

/** Signs out with the header's button (opening the folded menu first on a phone) and waits for the login page. */
export async function logOut(page: Page): Promise<void> {
  const menu = page.getByRole('button', { name: 'Meny', expanded: false });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
}

export interface Api {
  me: { user: { id: string; name: string }; csrfToken: string };
  get<T = unknown>(path: string): Promise<T>;
  send<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/**
 * The API as the page's signed-in person: the browser context's session cookie goes with
 * page.request, and writes carry the CSRF token from /api/auth/me — as the web app does.
 */
export async function apiAs(page: Page, baseUrl: string): Promise<Api> {
  const meResponse = await page.request.get(`${baseUrl}/api/auth/me`);
  if (!meResponse.ok()) throw new Error(`GET /api/auth/me: ${meResponse.status()}`);
  const me = (await meResponse.json()) as Api['me'];
  return {
    me,
    async get(path) {
      const response = await page.request.get(baseUrl + path);
      if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
      return response.json();
    },
    async send(method, path, body) {
      const response = await page.request.fetch(baseUrl + path, {
        method,
        headers: { 'X-CSRF-Token': me.csrfToken, 'Content-Type': 'application/json' },
        data: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return response.status() === 204 ? (undefined as never) : response.json();
    },
  };
}

/** The text of <main>, with whitespace folded, for simple "contains" checks. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
