import { todayInOslo } from '@nvr/shared';
import type { Locator, Page } from 'playwright-core';
import type { StatusReport, StatusReportSummary } from '../src/api/progress-types';
import type { ProjectSummary } from '../src/api/types';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, type Api } from './support/session';

/**
 * The monthly status report form (/prosjekter/:id/statusrapporter/:reportId) on Kongsbergregionen 2026.
 * The demo data has its reports for September and October 2026; the project began in September 2025,
 * so August and July 2026 are free months that have begun: the test writes August's report and
 * deletes a draft for July.
 */
jest.setTimeout(60_000);

const PROJECT = 'Næringsvennlig Kongsbergregion 2026';
const SEEDED = ['2026-10', '2026-09'];
const PERIOD = '2026-08';
const OTHER = '2026-07';

describe('the project leader writes, saves, fixes and publishes a monthly status report', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let api: Api;
  let projectId: string;
  let reportId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    api = await apiAs(page, server.baseUrl);
    const projects = await api.get<ProjectSummary[]>('/api/projects');
    projectId = projects.find((p) => p.name === PROJECT)!.id;
    // The free months above are chosen from the demo data: fail here, not halfway, if it changes.
    const reports = await api.get<StatusReportSummary[]>(`/api/projects/${projectId}/status-reports`);
    expect(reports.map((r) => r.period)).toEqual(SEEDED);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const reportPath = (id: string) => `/api/projects/${projectId}/status-reports/${id}`;
  const report = () => api.get<StatusReport>(reportPath(reportId));
  const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
  const waitForFocus = async (locator: Locator) => {
    const handle = await locator.elementHandle();
    await page.waitForFunction((el) => el === document.activeElement, handle);
  };
  /** The list of problems above the form, each a link to its field. */
  const problems = () => page.locator('.ds-alert', { has: page.getByRole('heading', { level: 2, name: 'Rett opp dette først' }) });
  const save = () => page.getByRole('button', { name: 'Lagre utkastet' }).click();
  const colour = (aspect: string, name: string) =>
    page.getByRole('group', { name: aspect }).getByRole('radio', { name: new RegExp(`^${name}`) });
  const budget = () => page.getByRole('textbox', { name: /Budsjett totalt/ });

  it("starts August's draft from the project's list of reports; both pages pass axe", async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}/statusrapporter`);
    await page.getByRole('heading', { level: 1, name: `Statusrapporter – ${PROJECT}` }).waitFor();
    await page.getByRole('link', { name: 'Rapport for oktober 2026' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Måned').fill(PERIOD);
    await page.getByRole('button', { name: 'Start ny rapport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statusrapport for august 2026' }).waitFor();
    await page.getByText('Utkastet til rapporten for august 2026 er opprettet.').waitFor();
    const match = new RegExp(`^/prosjekter/${projectId}/statusrapporter/([0-9a-f-]{36})$`).exec(new URL(page.url()).pathname);
    expect(match).not.toBeNull();
    reportId = match![1];
    // No report before August is published, so the draft starts without colours or figures.
    expect(await report()).toMatchObject({ period: PERIOD, state: 'draft', overall: { colour: null }, economy: { budgetTotal: null } });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('checks the figures on save: the problems get focus, each links to its field; a fixed figure saves with Enter', async () => {
    await budget().fill('abc');
    await page.getByText('Du har endringer som ikke er lagret.').waitFor();
    await save();
    await waitForFocus(problems());
    const message = 'Budsjett totalt må være et helt antall kroner.';
    await problems().getByRole('link', { name: message }).click();
    expect(await isFocused(budget())).toBe(true);
    // In the list and at the field.
    expect(await page.getByText(message).count()).toBe(2);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await budget().fill('2 000 000 000 000');
    await page
      .getByText(/Budsjett totalt kan ikke være mer enn 1\s000\s000\s000\s000\skr\./)
      .first()
      .waitFor();
    await budget().fill('1 250 000');
    await problems().waitFor({ state: 'detached' });
    await budget().press('Enter');
    await page.getByText('Utkastet er lagret.').waitFor();
    expect(await page.getByText('Du har endringer som ikke er lagret.').count()).toBe(0);
    expect((await report()).economy.budgetTotal).toBe(1_250_000);
    expect(await budget().inputValue()).toBe('1 250 000');
  });

  it('publishing asks for every colour; a chosen colour clears its problem, and a draft saves without colours', async () => {
    await page.getByRole('button', { name: 'Publiser rapporten' }).click();
    await page
      .getByRole('dialog', { name: 'Publisere rapporten for august 2026?' })
      .getByRole('button', { name: 'Publiser rapporten' })
      .click();
    await waitForFocus(problems());
    expect(await problems().getByRole('link').allInnerTexts()).toEqual([
      'Velg en farge for Samlet status.',
      'Velg en farge for Fremdrift.',
      'Velg en farge for Økonomi.',
      'Velg en farge for Risiko.',
    ]);
    await problems().getByRole('link', { name: 'Velg en farge for Risiko.' }).click();
    expect(await isFocused(colour('Risiko', 'Grønn'))).toBe(true);

    await colour('Samlet status', 'Grønn').check();
    expect(await problems().getByRole('link').count()).toBe(3);
    await save();
    await problems().waitFor({ state: 'detached' });
    // The message of the previous save may still show: wait for the unsaved changes to be saved.
    await page.getByText('Du har endringer som ikke er lagret.').waitFor({ state: 'detached' });
    await page.getByText('Utkastet er lagret.').waitFor();
    expect((await report()).overall.colour).toBe('green');
  });

  it('a month that has a report already is refused at the period field', async () => {
    await page.getByLabel('Måned').fill(SEEDED[1]);
    await save();
    const taken = 'Det finnes allerede en statusrapport for denne måneden.';
    await problems().getByRole('link', { name: taken }).waitFor();
    expect(await page.getByLabel('Måned').getAttribute('aria-invalid')).toBe('true');
    expect((await report()).period).toBe(PERIOD);
    await page.getByLabel('Måned').fill(PERIOD);
  });

  it('a save after someone else changed the report offers to reload it', async () => {
    await page.getByRole('textbox', { name: 'Kommentar til Risiko' }).fill('Mine endringer');
    const current = await report();
    await api.send('PATCH', reportPath(reportId), { version: current.version, nextSteps: 'Noen andre skrev' });
    await save();
    await page.getByRole('alert').filter({ hasText: 'Noen andre har endret dette' }).waitFor();
    await page.getByRole('button', { name: 'Last inn rapporten på nytt' }).click();
    await page.getByText('Rapporten er lastet inn på nytt.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Neste steg' }).inputValue()).toBe('Noen andre skrev');
    expect(await page.getByRole('textbox', { name: 'Kommentar til Risiko' }).inputValue()).toBe('');
    expect(await page.getByText('Noen andre har endret dette').count()).toBe(0);
  });

  it('publishing asks why for each yellow or red part before anything is sent; green needs no comment', async () => {
    await colour('Fremdrift', 'Rød').check();
    await colour('Økonomi', 'Gul').check();
    await colour('Risiko', 'Gul').check();
    await page.getByRole('textbox', { name: 'Kommentar til Risiko' }).fill('Litt forsinket');
    const before = await report();
    await page.getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publiser rapporten' }).click();
    await waitForFocus(problems());
    expect(await problems().getByRole('link').allInnerTexts()).toEqual([
      'Skriv hvorfor Fremdrift er rød.',
      'Skriv hvorfor Økonomi er gul.',
    ]);
    // Nothing was sent.
    expect((await report()).version).toBe(before.version);
    await problems().getByRole('link', { name: 'Skriv hvorfor Økonomi er gul.' }).click();
    expect(await isFocused(page.getByRole('textbox', { name: 'Kommentar til Økonomi' }))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Green after all: its problem goes; a comment clears the other.
    await colour('Fremdrift', 'Grønn').check();
    expect(await problems().getByRole('link').allInnerTexts()).toEqual(['Skriv hvorfor Økonomi er gul.']);
    await page.getByRole('textbox', { name: 'Kommentar til Økonomi' }).fill('Prognosen er litt over rammen.');
    await problems().waitFor({ state: 'detached' });
  });

  it('publishes after confirming, saving the unsaved changes first; the published report passes axe', async () => {
    await page.getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByText('Rapporten for august 2026 er publisert.').waitFor();
    await page.getByText('Rapporten er publisert og kan ikke lenger endres.').waitFor();
    expect(await page.getByRole('button', { name: 'Lagre utkastet' }).count()).toBe(0);
    expect(await report()).toMatchObject({
      state: 'published',
      overall: { colour: 'green' },
      progress: { colour: 'green' },
      economy: { colour: 'yellow', comment: 'Prognosen er litt over rammen.', budgetTotal: 1_250_000 },
      risk: { colour: 'yellow', comment: 'Litt forsinket' },
      nextSteps: 'Noen andre skrev',
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a month not yet over is written as a draft but published only from the 1st of the next month', async () => {
    const current = todayInOslo().slice(0, 7);
    const draft = await api.send<StatusReport>('POST', `/api/projects/${projectId}/status-reports`, { period: current });
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}/statusrapporter/${draft.id}`);
    const month = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${current}-01T00:00:00Z`),
    );
    await page.getByRole('heading', { level: 1, name: `Statusrapport for ${month}` }).waitFor();
    for (const aspect of ['Samlet status', 'Fremdrift', 'Økonomi', 'Risiko']) await colour(aspect, 'Grønn').check();
    await page.getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publiser rapporten' }).click();
    await waitForFocus(problems());
    const next = new Date(`${current}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const firstDay = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeZone: 'UTC' }).format(next);
    expect(await problems().getByRole('link').allInnerTexts()).toEqual([
      `Rapporten for ${month} kan publiseres fra ${firstDay}, når måneden er over.`,
    ]);
    expect(await page.getByLabel('Måned').getAttribute('aria-invalid')).toBe('true');
    expect((await api.get<StatusReport>(reportPath(draft.id))).state).toBe('draft');
    await api.send('DELETE', reportPath(draft.id));
  });

  it('deletes a draft after confirming and goes back to the list', async () => {
    const draft = await api.send<StatusReport>('POST', `/api/projects/${projectId}/status-reports`, { period: OTHER });
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}/statusrapporter/${draft.id}`);
    await page.getByRole('heading', { level: 1, name: 'Statusrapport for juli 2026' }).waitFor();
    await page.getByRole('button', { name: 'Slett utkastet' }).click();
    await page.getByRole('dialog', { name: 'Slette utkastet for juli 2026?' }).getByRole('button', { name: 'Slett utkastet' }).click();
    await page.getByText('Utkastet til rapporten for juli 2026 er slettet.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/prosjekter/${projectId}/statusrapporter`);
    await page.getByRole('link', { name: 'Rapport for august 2026' }).waitFor();
    expect(await page.getByRole('link', { name: 'Rapport for juli 2026' }).count()).toBe(0);
    const left = await api.get<StatusReportSummary[]>(`/api/projects/${projectId}/status-reports`);
    expect(left.map((r) => r.period)).toEqual([...SEEDED, PERIOD]);
  });
});
