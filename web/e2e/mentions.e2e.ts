import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn } from './support/session';

/**
 * The @mention picker in a comment (#15), by keyboard only: the project leader types "@ma", moves to Marte
 * with arrow down, chooses her with Enter and posts; the comment shows her name, emphasised. A word after
 * "@" that is no address gets a hint, and a mention of someone without access is refused at the field.
 */
jest.setTimeout(60_000);

const PROJECT = 'Næringsvennlig Kongsbergregion 2026';

describe('mentioning people in a comment with the people picker', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let deliverablePath: string;
  let commentsBefore: number;

  const field = () => page.getByRole('combobox', { name: 'Ny kommentar' });
  const expanded = async () => field().getAttribute('aria-expanded');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    const api = await apiAs(page, server.baseUrl);
    const projectId = (await api.get<{ id: string; name: string }[]>('/api/projects')).find((p) => p.name === PROJECT)!.id;
    const project = await api.get<{ regionId: string; phases: { deliverables: { id: string }[] }[] }>(`/api/projects/${projectId}`);
    // A member of the project's group whose name starts with "Ma" (the demo data has none).
    const db = server.app.get(DataSource);
    const [marte] = (await db.query(
      `INSERT INTO app_user (email, name, password_hash) VALUES ('marte.medlem@kongsberg.kommune.no', 'Marte Medlem', 'x') RETURNING id`,
    )) as { id: string }[];
    await db.query(`INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, 'project_member', $2, $3)`, [
      marte.id,
      project.regionId,
      projectId,
    ]);
    deliverablePath = `/prosjekter/${projectId}/leveranser/${project.phases[0].deliverables[0].id}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('types "@ma", moves down to Marte and chooses her with Enter, posts, and sees her name; axe passes with the list open', async () => {
    await page.goto(server.baseUrl + deliverablePath);
    await page.getByRole('heading', { name: /^Kommentarer/ }).waitFor();
    await field().waitFor();
    commentsBefore = await page.locator('.comment').count();
    await field().focus();
    await page.keyboard.type('Kan du se på dette, @ma');
    const option = page.getByRole('option', { name: /Marte Medlem/ });
    await option.waitFor();
    expect(await expanded()).toBe('true');
    expect(await option.innerText()).toContain('Prosjektgruppe');
    expect(await field().getAttribute('aria-activedescendant')).toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowDown');
    expect(await field().getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[role="combobox"]')?.getAttribute('aria-expanded') === 'false');
    expect(await field().inputValue()).toBe('Kan du se på dette, @marte.medlem@kongsberg.kommune.no ');
    await page.keyboard.type('takk!');

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Publiser kommentaren');
    await page.keyboard.press('Enter');
    await page.getByText('Kommentaren er publisert, og Marte Medlem har fått varsel.').waitFor();
    const highlight = page.locator('strong.mention', { hasText: '@Marte Medlem' });
    await page.locator('.comment').locator(highlight).waitFor();
    expect(await page.locator('.comment', { has: highlight }).innerText()).toContain('Kan du se på dette, @Marte Medlem takk!');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('closes the list with Escape, hints at "@Pia", and shows a refused mention at the field', async () => {
    await field().focus();
    await page.keyboard.type('Hei @ma');
    await page.getByRole('option', { name: /Marte Medlem/ }).waitFor();
    await page.keyboard.press('Escape');
    expect(await expanded()).toBe('false');
    expect(await field().inputValue()).toBe('Hei @ma');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Takk @Pia, og @ukjent@demo.no ');
    await page.getByText('@Pia varsler ingen. Skriv @ og velg en person fra listen for å nevne noen.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const message = 'Fant ingen med tilgang til prosjektet for @ukjent@demo.no. Skriv @ og velg en person fra listen, eller fjern @ foran.';
    await page.getByText(message).waitFor();
    expect(await field().getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await page.locator('.comment').count()).toBe(commentsBefore + 1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
