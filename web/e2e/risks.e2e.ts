import type { Page } from 'playwright-core';
import type { ReportRisks, Risk } from '../src/features/risks/api/types';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, mainText, type Api } from './support/session';

/**
 * The risk register in the browser, on Kongsbergregionen 2026 (the demo has four risks there, and its
 * reports for September and October 2026 keep their copies): the project leader adds a risk through the
 * form (the form's own checks first), sees it in the 5×5 map and the table, then writes and publishes
 * November's status report, which keeps the register as it was and lists what changed since October.
 * Axe on every page.
 */
jest.setTimeout(120_000);

const PROJECT = 'Næringsvennlig Kongsbergregion 2026';
const PERIOD = '2026-11';
const NEW_RISK = 'Fylkeskommunen kutter de regionale utviklingsmidlene';

describe('the project leader keeps the risk register, and a published report keeps its copy', () => {
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
    const projects = await api.get<{ id: string; name: string }[]>('/api/projects');
    projectId = projects.find((p) => p.name === PROJECT)!.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Ny risiko' });

  it('opens the register from the project page: the map and the table of the demo risks pass axe', async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}`);
    await page.getByRole('link', { name: 'Risikoregister' }).click();
    await page.getByRole('heading', { level: 1, name: `Risikoregister – ${PROJECT}` }).waitFor();
    // After measures: R1 is 2×5 (medium), R2 2×3, R4 2×3; R3 is closed and left out of the map.
    await page.getByRole('table', { name: /Åpne risikoer etter sannsynlighet og konsekvens, etter tiltak/ }).waitFor();
    await page.getByRole('cell', { name: '2 risikoer: R2, R4, nivå middels' }).waitFor();
    await page.getByText('Lukkede og inntrufne risikoer vises ikke i kartet (1).').waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Kommunestyrene rekker ikke' }).innerText()).toContain('20 (høy)');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Before measures R1 is 4×5.
    await page.getByRole('radio', { name: 'før tiltak' }).check();
    await page.getByRole('cell', { name: '1 risiko: R1, nivå høy' }).waitFor();
  });

  it('adds a risk through the form, which checks it first; the new risk is in the map and the table', async () => {
    await page.getByRole('button', { name: 'Legg til risiko' }).click();
    await dialog().waitFor();
    await dialog().getByRole('button', { name: 'Lagre' }).click();
    await dialog().getByText('Beskriv risikoen.').waitFor();
    expect(await dialog().getByText('Velg en verdi fra 1 til 5.').count()).toBe(2);
    await dialog().getByText('Velg en eier.').waitFor();

    await dialog()
      .getByRole('textbox', { name: /^Risiko/ })
      .fill(NEW_RISK);
    await dialog()
      .getByRole('textbox', { name: /^Årsak/ })
      .fill('Stram økonomi i fylkeskommunen.');
    const before = dialog().getByRole('group', { name: 'Før tiltak' });
    await before.getByLabel('Sannsynlighet').selectOption({ label: '3 – Moderat sannsynlig' });
    await before.getByLabel('Konsekvens').selectOption({ label: '5 – Svært alvorlig' });
    // An assessment after measures that is larger than before, and without measures, is refused at its fields.
    const after = dialog().getByRole('group', { name: 'Etter tiltak' });
    await after.getByLabel('Sannsynlighet').selectOption({ label: '4 – Sannsynlig' });
    await after.getByLabel('Konsekvens').selectOption({ label: '4 – Alvorlig' });
    await dialog().getByLabel('Strategi').selectOption({ label: 'Redusere – Tiltak som gjør den mindre sannsynlig eller mindre alvorlig' });
    await dialog().getByLabel('Eier').selectOption({ label: 'Pia Prosjektleder' });
    await dialog().getByLabel('Når kan den inntreffe?').selectOption({ label: '2. kvartal 2027' });
    await dialog().getByRole('button', { name: 'Lagre' }).click();
    await dialog().getByText('Et tiltak kan ikke gjøre risikoen større: verdien etter tiltak kan ikke være høyere enn før.').waitFor();
    await dialog().getByText('Beskriv tiltakene som vurderingen etter tiltak bygger på.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await after.getByLabel('Sannsynlighet').selectOption({ label: '2 – Lite sannsynlig' });
    await dialog()
      .getByRole('textbox', { name: /^Tiltak/ })
      .fill('Søke fylkeskommunen om flerårig tilsagn.');
    await dialog().getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Risikoen R5 er lagt til.').waitFor();
    await dialog().waitFor({ state: 'hidden' });

    // The map shows the register after measures again: R5 is 2×4 (medium) with R2 and R4 elsewhere.
    await page.getByRole('radio', { name: 'etter tiltak' }).check();
    await page.getByRole('cell', { name: '1 risiko: R5, nivå middels' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: NEW_RISK });
    expect(await row.innerText()).toMatch(/15 \(høy\)[\s\S]*8 \(middels\)[\s\S]*Redusere[\s\S]*Pia Prosjektleder[\s\S]*2\. kvartal 2027/);
    const risks = await api.get<Risk[]>(`/api/projects/${projectId}/risks`);
    expect(risks.find((r) => r.number === 5)).toMatchObject({
      description: NEW_RISK,
      probabilityBefore: 3,
      consequenceBefore: 5,
      probabilityAfter: 2,
      consequenceAfter: 4,
      proximity: '2027-Q2',
      status: 'open',
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("writes and publishes November's report; its register is frozen with the changes since October", async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}/statusrapporter`);
    await page.getByLabel('Måned').fill(PERIOD);
    await page.getByRole('button', { name: 'Start ny rapport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statusrapport for november 2026' }).waitFor();
    reportId = /statusrapporter\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1];

    // The draft shows the live register and what changed since October's report.
    const section = page.getByRole('region', { name: 'Risikoregister' });
    await section.getByText('Utkastet viser registeret slik det er nå.', { exact: false }).waitFor();
    await section.getByText('Sammenlignet med rapporten for oktober 2026.').waitFor();
    const changes = () => section.getByRole('list', { name: 'Endringer i risikoregisteret' }).getByRole('listitem').allInnerTexts();
    expect((await changes()).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([
      'Ny R4 Næringslivet deltar lite på samlingene om tjenestetilbudet',
      `Ny R5 ${NEW_RISK}`,
      'Lukket R3 De økonomiske rammene for hovedprosjektet blir ikke godkjent av regionrådet',
      'Redusert R1 Kommunestyrene rekker ikke å behandle finansieringen av hovedprosjektet før fristen fra 15 til 10',
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The colours (the report form's own test covers them), then publish from the page.
    const colour = (aspect: string, name: string) =>
      page.getByRole('group', { name: aspect }).getByRole('radio', { name: new RegExp(`^${name}`) });
    await colour('Samlet status', 'Grønn').check();
    await colour('Fremdrift', 'Grønn').check();
    await colour('Økonomi', 'Gul').check();
    await colour('Risiko', 'Gul').check();
    // A yellow part says why (the report form's own test covers the rule).
    await page.getByRole('textbox', { name: 'Kommentar til Økonomi' }).fill('Prognosen er litt over rammen.');
    await page.getByRole('textbox', { name: 'Kommentar til Risiko' }).fill('To nye risikoer.');
    await page.getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Publiser rapporten' }).click();
    await page.getByText('Rapporten for november 2026 er publisert.').waitFor();
    await section.getByText('Registeret slik det var da rapporten ble publisert', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The register moves on; the published report keeps its copy.
    const r5 = (await api.get<Risk[]>(`/api/projects/${projectId}/risks`)).find((r) => r.number === 5)!;
    await api.send('DELETE', `/api/projects/${projectId}/risks/${r5.id}`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Statusrapport for november 2026' }).waitFor();
    await section.getByRole('row').filter({ hasText: NEW_RISK }).waitFor();
    expect(await mainText(page)).toContain('Registeret slik det var da rapporten ble publisert');
    const frozen = await api.get<ReportRisks>(`/api/projects/${projectId}/status-reports/${reportId}/risks`);
    expect(frozen).toMatchObject({ source: 'frozen', previous: { period: '2026-10' } });
    expect(frozen.risks.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reflows at 320 px: the map and the table scroll in their own box, never the page', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const path of [`/prosjekter/${projectId}/risikoer`, `/prosjekter/${projectId}/statusrapporter/${reportId}`]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('heading', { name: 'Risikokart' }).waitFor();
      const { width, viewport } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(width).toBeLessThanOrEqual(viewport);
    }
  });
});
