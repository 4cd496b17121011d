import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn } from './support/session';

/**
 * The plan editor in nynorsk and English: Glåmdal's forstudie plan, not written yet, opens from the
 * newest forstudie template with its headings, guidance and prefilled roles in the language shown.
 */
jest.setTimeout(60_000);

describe('the plan editor in the reader’s language', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let planPath: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    const api = await apiAs(page, server.baseUrl);
    const list = await api.get<{ items?: { id: string; name: string }[] } | { id: string; name: string }[]>('/api/projects');
    const projects = Array.isArray(list) ? list : (list.items ?? []);
    const glamdal = projects.find((p) => p.name === 'Næringsvennlig Glåmdal');
    if (!glamdal) throw new Error('The demo data has no project «Næringsvennlig Glåmdal»');
    planPath = `/prosjekter/${glamdal.id}/faser/forstudie/plan`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Chooses the language in the header, and waits until the account has it (the server prefills in it). */
  const chooseLanguage = async (language: 'nn' | 'en') => {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/language') && r.ok());
    await page.getByLabel('Språk', { exact: true }).selectOption(language);
    await saved;
  };

  /** The roles as the plan shows them (the leader reads this plan; each role with its holder's name after the colon). */
  const roles = async (heading: string) =>
    (await page.getByRole('region', { name: heading }).innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.endsWith(':'));

  it('shows nynorsk headings and the roles in nynorsk, with names to fill in, and passes axe', async () => {
    await chooseLanguage('nn');
    await page.goto(server.baseUrl + planPath);
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for forstudien' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '3 Kartlegging av behova i næringslivet' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: '4 Roller og dagens arbeid' }).count()).toBe(1);
    expect(await page.getByText('Kva treng bedriftene frå næringsutviklarane?', { exact: false }).count()).toBe(1);
    // Prefilled roles with no names yet: "Prosjekteigar:" and nothing after it.
    expect(await roles('8 Prosjektorganisasjon')).toEqual([
      'Prosjekteigar:',
      'Prosjektansvarleg:',
      'Prosjektleiar:',
      'Prosjektgruppe (éin dedikert person frå kvar kommune):',
      'Referansegruppe:',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the same plan in English: English headings and roles, the method’s terms in Norwegian', async () => {
    await chooseLanguage('en');
    await page.getByRole('heading', { level: 1, name: 'Project plan for the forstudie' }).waitFor();
    // The roles come from the template in the language shown until the plan is first saved.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '3 Mapping what businesses need' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: '6 Frame' }).count()).toBe(1);
    expect(await page.getByText('The recommended length is 6–9 months.', { exact: false }).count()).toBe(1);
    expect(await roles('8 Project organisation')).toEqual([
      'Project owner (prosjekteier):',
      'Project responsible (prosjektansvarlig):',
      'Project leader (prosjektleder):',
      'Project group (one dedicated person from each kommune):',
      'Reference group (referansegruppe):',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
