import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, mainText, type Api } from './support/session';

/**
 * The benefits register in the browser: the project leader opens "Gevinster" from the project's page, adds
 * a benefit under one of the plan's benefit areas with an indicator (a decreasing target), records a
 * measurement and sees its trend, in text, in the table and in the chart; then the region's view of the
 * benefits of all its projects. Axe on every page.
 */
jest.setTimeout(120_000);

interface ProjectRef {
  id: string;
  name: string;
  regionId: string;
}

describe('the benefits register', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let api: Api;
  let project: ProjectRef;
  const title = 'Raskere svar på byggesøknader fra bedrifter';
  const indicator = 'Saksbehandlingstid for byggesøknader fra næringslivet';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    api = await apiAs(page, server.baseUrl);
    const projects = await api.get<ProjectRef[]>('/api/projects');
    project = projects.find((p) => p.name === 'Næringsvennlig Kongsbergregion 2026')!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a leader adds a benefit with an indicator and a measurement and sees the trend; the page passes axe', async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${project.id}`);
    await page.getByRole('link', { name: 'Gevinster og gevinstrealisering' }).click();
    await page.getByRole('heading', { level: 1, name: `Gevinster – ${project.name}` }).waitFor();
    // The demo's two benefits are there already.
    await page.getByRole('heading', { level: 2, name: 'Registrerte gevinster (2)' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Legg til gevinst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Legg til gevinst' });
    await dialog.getByLabel('Gevinst', { exact: true }).fill(title);
    await dialog
      .getByLabel('Gevinstområde')
      .selectOption({ label: 'Effektive, fleksible og tilrettelagte vertskapstjenester for næringsutvikling' });
    await dialog.getByLabel('Gevinsteier').selectOption({ label: 'Pia Prosjektleder' });
    await dialog.getByRole('textbox', { name: 'Indikator', exact: true }).fill(indicator);
    await dialog.getByLabel('Enhet').fill('dager');
    await dialog.getByLabel('Startverdi').fill('42');
    await dialog.getByLabel('Startdato').fill('2026-01-01');
    // A target equal to the start is refused at the field before anything is sent.
    await dialog.getByLabel('Målverdi').fill('42');
    await dialog.getByLabel('Måldato').fill('2027-12-31');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('Målverdien må være en annen enn startverdien.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel('Målverdi').fill('21');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('G3 er lagt til.').waitFor();

    const card = page.getByTestId('benefit-card').filter({ hasText: title });
    await card.getByRole('heading', { level: 3, name: `G3: ${title}` }).waitFor();
    expect(await card.getByTestId('indicator-trend').innerText()).toBe('Ikke målt ennå');

    await card.getByRole('button', { name: `Registrer måling: ${indicator}` }).click();
    const measure = page.getByRole('dialog', { name: `Ny måling av «${indicator}»` });
    await measure.getByLabel('Dato').fill('2026-06-30');
    await measure.getByLabel('Verdi (dager)').fill('30');
    await measure.getByLabel('Kommentar').fill('Tall fra sakssystemet, første halvår');
    await measure.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`Målingen av «${indicator}» er lagret.`).waitFor();

    // 12 of 21 days of the way after a quarter of the time: on track, in words, in the table and in the chart.
    await card.getByTestId('indicator-trend').filter({ hasText: 'I rute' }).waitFor();
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('57 % av veien til målet ved siste måling 30. juni 2026');
    const table = card.getByRole('table', { name: `Målinger av «${indicator}» (dager)` });
    const row = table.getByRole('row', { name: /30\. juni 2026/ });
    expect((await row.innerText()).replace(/\s+/g, ' ')).toContain('30 57 % Tall fra sakssystemet, første halvår Pia Prosjektleder');
    expect(await card.getByTestId('benefit-chart').count()).toBe(1);
    expect(await card.getByTestId('benefit-chart').getAttribute('aria-hidden')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const register = await api.get<{ benefits: { number: number; trend: string }[] }>(`/api/projects/${project.id}/benefits`);
    expect(register.benefits.find((b) => b.number === 3)?.trend).toBe('on_track');
  });

  it('the region’s view shows the benefits of its projects, also the completed one’s measured after it ended; it passes axe', async () => {
    await page.goto(`${server.baseUrl}/regioner/${project.regionId}`);
    await page.getByRole('link', { name: 'Gevinster i regionens prosjekter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gevinster i Kongsbergregionen' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain('Samordnet næringsapparat i Kongsbergregionen');
    expect(text).toContain('Raskere behandling av byggesaker for næringslivet');
    expect(text).toContain(title);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
