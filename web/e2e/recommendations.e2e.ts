import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut, type Api } from './support/session';

/**
 * The kartlegging's conversations and the recommendations register in the browser: the project leader
 * records an interview with notes under the guide's sections and the needs it showed, writes a
 * recommendation citing it, and puts it to the owner; the regionråd adopts it, and it becomes a sub-goal
 * of the forprosjekt plan. While the forstudie's gate waits for the regionråd (Glåmdal in the demo), the
 * plan is frozen and adopting is refused with a message. Axe on every page.
 */
jest.setTimeout(120_000);

interface ProjectRef {
  id: string;
  name: string;
}

/** The focused element's accessible name as the test knows it (its aria-label, or its text), once it gets there. */
async function expectFocus(page: Page, name: string): Promise<void> {
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  await page
    .waitForFunction(
      (expected) => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent) === expected,
      name,
      {
        timeout: 5000,
      },
    )
    .catch(() => undefined);
  expect(await focused()).toBe(name);
}

describe('interviews and the recommendations register', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let api: Api;
  let glamdal: ProjectRef;
  let kongsberg: ProjectRef;
  const interview = 'Intervju med Glåmdal Trelast AS';
  const recommendation = 'Det etableres en felles førstelinje for næringslivet i regionen';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    api = await apiAs(page, server.baseUrl);
    const projects = await api.get<ProjectRef[]>('/api/projects');
    glamdal = projects.find((p) => p.name === 'Næringsvennlig Glåmdal')!;
    kongsberg = projects.find((p) => p.name === 'Næringsvennlig Kongsbergregion 2026')!;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the leader records an interview with notes per guide section and needs; the needs overview counts it; it passes axe', async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${glamdal.id}/kartlegging`);
    await page.getByRole('heading', { level: 2, name: 'Intervjuer, møter og workshoper' }).waitFor();
    const before = await api.get<{ needs: { need: string; conversations: number }[] }>(`/api/projects/${glamdal.id}/needs`);
    const permitsBefore = before.needs.find((n) => n.need === 'building_permits')!.conversations;

    await page.getByRole('button', { name: 'Registrer samtale' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrer intervju, møte eller workshop' });
    await dialog.getByLabel('Type samtale').selectOption('interview');
    await dialog.getByLabel('Tittel', { exact: true }).fill(interview);
    await dialog.getByLabel('Dato', { exact: true }).fill('2026-09-02');
    await dialog.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Kongsvinger' });
    await dialog.getByLabel('Antall deltakere').fill('2');
    await dialog.getByLabel('Guide', { exact: true }).selectOption('interview_guide');
    await dialog.getByLabel('Notater: Behov for bistand').fill('Byggesaker tar for lang tid; trenger ett kontaktpunkt.');
    await dialog.getByRole('checkbox', { name: 'Byggesaker' }).check();
    // Names need consent: the field appears only when it is given.
    expect(await dialog.getByLabel('Navn på deltakerne').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText(`Samtalen «${interview}» er registrert.`).waitFor();
    await page.getByRole('rowheader', { name: interview }).waitFor();

    const after = await api.get<{ needs: { need: string; conversations: number }[] }>(`/api/projects/${glamdal.id}/needs`);
    expect(after.needs.find((n) => n.need === 'building_permits')!.conversations).toBe(permitsBefore + 1);
    const recorded = (await api.get<{ title: string; notes: Record<string, string> }[]>(`/api/projects/${glamdal.id}/conversations`)).find(
      (c) => c.title === interview,
    )!;
    expect(recorded.notes).toEqual({ needs: 'Byggesaker tar for lang tid; trenger ett kontaktpunkt.' });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the leader writes a recommendation citing evidence, moves it up and puts it to the owner; it passes axe', async () => {
    // A conversation in Kongsberg to cite (its forstudie is over, so the forprosjekt plan is open for sub-goals).
    await api.send('POST', `/api/projects/${kongsberg.id}/conversations`, {
      kind: 'workshop',
      title: 'Workshop om førstelinjen',
      heldOn: '2026-05-04',
      participantCount: 24,
      needs: ['service'],
    });
    await api.send('POST', `/api/projects/${kongsberg.id}/recommendations`, { title: 'Felles markedsføring av regionen' });
    await page.goto(`${server.baseUrl}/prosjekter/${kongsberg.id}/anbefalinger`);
    await page.getByRole('heading', { level: 1, name: /^Anbefalinger/ }).waitFor();
    const existing = await api.get<unknown[]>(`/api/projects/${kongsberg.id}/recommendations`);

    await page.getByRole('button', { name: 'Ny anbefaling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny anbefaling' });
    await dialog.getByLabel('Anbefaling', { exact: true }).fill(recommendation);
    await dialog.getByLabel('Begrunnelse', { exact: true }).fill('Bedriftene vil ha ett sted å henvende seg.');
    await dialog.getByRole('checkbox', { name: 'Samtale: Workshop om førstelinjen' }).check();
    await dialog.getByRole('checkbox', { name: 'Service' }).check();
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Anbefalingen er lagt til.').waitFor();
    const n = existing.length + 1;
    const card = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(recommendation) }) });
    await card()
      .getByRole('heading', { name: `Anbefaling ${n}: ${recommendation}` })
      .waitFor();
    expect(await card().innerText()).toContain('Samtale: Workshop om førstelinjen');

    // Moved above the one written before it: the keyboard focus stays on the moved card's button (its other
    // one once it is at the top), and the message says where it went.
    await page.getByRole('button', { name: `Flytt anbefaling ${n} opp` }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Rekkefølgen er endret. Anbefalingen er nå nr. ${n - 1}.`).waitFor();
    await card()
      .getByRole('heading', { name: `Anbefaling ${n - 1}: ${recommendation}` })
      .waitFor();
    await expectFocus(page, n - 1 === 1 ? 'Flytt anbefaling 1 ned' : `Flytt anbefaling ${n - 1} opp`);

    // After a status change, focus is on the card's heading (the button pressed is gone).
    await card().getByRole('button', { name: 'Legg fram for eier', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Legg fram for eier', exact: true }).click();
    await card().getByText('Lagt fram for eier').waitFor();
    await expectFocus(page, `Anbefaling ${n - 1}: ${recommendation}`);
    // The leader has no owner's buttons.
    expect(await card().getByRole('button', { name: 'Vedta', exact: true }).count()).toBe(0);

    // After deleting the last card, focus is on the card before it.
    await page.getByRole('button', { name: `Slett anbefaling ${n}` }).click();
    await page.getByRole('dialog', { name: 'Slette anbefalingen?' }).getByRole('button', { name: 'Slett', exact: true }).click();
    await page.getByText('Anbefalingen er slettet.').waitFor();
    await expectFocus(page, `Anbefaling ${n - 1}: ${recommendation}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('the regionråd adopts it and it becomes a sub-goal of the forprosjekt plan; it passes axe', async () => {
    await logIn(page, server.baseUrl, 'regionrad@demo.no', `/prosjekter/${kongsberg.id}/anbefalinger`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(recommendation) }) });
    await card.getByRole('button', { name: 'Vedta', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Merknad').fill('Sak 21/26');
    await dialog.getByRole('button', { name: 'Vedta', exact: true }).click();
    await page.getByText('Anbefalingen er lagt inn som delmål i planen for forprosjektet.').waitFor();
    await card.getByText('Vedtatt').waitFor();
    await expectFocus(page, (await card.getByRole('heading', { level: 2 }).innerText()).trim());
    expect(await card.getByRole('button', { name: 'Endre' }).count()).toBe(0);

    const regionraad = await apiAs(page, server.baseUrl);
    const plan = await regionraad.get<{ content: { goals?: { sub_goals?: { title: string }[] } } }>(
      `/api/projects/${kongsberg.id}/phases/forprosjekt/plan`,
    );
    expect(plan.content.goals?.sub_goals?.map((g) => g.title)).toContain(recommendation);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('while the forstudie waits for the regionråd, adopting is refused with a message', async () => {
    await logIn(page, server.baseUrl, 'sekretariat.glamdal@demo.no', `/prosjekter/${glamdal.id}/anbefalinger`);
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Anbefaling 1:/ }) });
    await first.getByRole('button', { name: 'Vedta', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Vedta', exact: true }).click();
    await dialog.getByText(/låst|frozen/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });
});
