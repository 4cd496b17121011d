import type { Locator, Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut } from './support/session';

interface CaseRoute {
  version: string;
  bodies: { id: string; name: string; kind: string; isOwner: boolean; decidesGates: string[] }[];
}

jest.setTimeout(120_000);

/**
 * A region's case route on its page: the Glåmdal secretariat sets up styringsgruppe → rådmannsgruppe →
 * regionråd (the owner) with the forstudie gate delegated to the rådmannsgruppe, using buttons only;
 * an adviser reads it. Then the plan deliverable, which is the next phase's plan in the plan editor.
 */
describe('the case route and the plan deliverable in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const section = (): Locator => page.getByRole('region', { name: 'Saksgang', exact: true });
  const routeTable = () => section().getByRole('table', { name: 'Organene i saksgangen til Glåmdalsregionen, i rekkefølge' });
  const body = (n: number) => section().getByRole('group', { name: new RegExp(`^Organ ${n}(:|$)`) });

  async function openGlamdal() {
    await page.getByRole('link', { name: 'Glåmdalsregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Glåmdalsregionen' }).waitFor();
    await section().waitFor();
  }

  async function expectRoute() {
    const rows = routeTable().locator('tbody tr');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/^1\s+Styringsgruppen\s+Styringsgruppe\s+–\s+–$/);
    expect(await rows.nth(1).innerText()).toMatch(/^2\s+Rådmannsgruppen\s+Rådmannsgruppe\s+–\s+forstudien$/);
    expect(await rows.nth(2).innerText()).toMatch(/^3\s+Glåmdal regionråd\s+Regionråd\s+Prosjekteier\s+forprosjektet, hovedprosjektet$/);
    const deciders = section().getByRole('list', { name: 'Hvem avgjør portene' });
    expect(await deciders.innerText()).toContain('Porten etter forstudien: Rådmannsgruppen, delegert fra Glåmdal regionråd');
    expect(await deciders.innerText()).toContain('Porten etter forprosjektet: Glåmdal regionråd (prosjekteier)');
  }

  it('the secretariat defines the route with buttons and the keyboard, delegates one gate, and saves it', async () => {
    await logIn(page, server.baseUrl, 'sekretariat.glamdal@demo.no', '/regioner');
    await openGlamdal();
    await section().getByRole('button', { name: 'Endre saksgangen' }).click();
    await section().getByRole('heading', { name: 'Endre saksgangen' }).waitFor();

    // Start from an empty route, whatever the region had.
    const removeButtons = section().getByRole('button', { name: /^Fjern / });
    while ((await removeButtons.count()) > 0) await removeButtons.first().click();
    await section().getByText('Ingen organer ennå. Uten organer går saker rett til Glåmdal regionråd.').waitFor();

    // An empty new body is refused before anything is sent.
    await section().getByRole('button', { name: 'Legg til organ' }).click();
    await section().getByRole('button', { name: 'Lagre saksgangen' }).click();
    await body(1).getByText('Skriv navnet på organet.').waitFor();
    await body(1).getByText('Velg hva slags organ dette er.').waitFor();

    // Added in the wrong order on purpose: the regionråd first.
    await body(1).getByRole('textbox', { name: 'Navn' }).fill('Glåmdal regionråd');
    await body(1).getByRole('combobox', { name: 'Type organ' }).selectOption({ label: 'Regionråd' });
    await section().getByRole('button', { name: 'Legg til organ' }).click();
    await body(2).getByRole('textbox', { name: 'Navn' }).fill('Styringsgruppen');
    await body(2).getByRole('combobox', { name: 'Type organ' }).selectOption({ label: 'Styringsgruppe' });
    await section().getByRole('button', { name: 'Legg til organ' }).click();
    await body(3).getByRole('textbox', { name: 'Navn' }).fill('Rådmannsgruppen');
    await body(3).getByRole('combobox', { name: 'Type organ' }).selectOption({ label: 'Rådmannsgruppe' });

    // Move the regionråd to the end: once with a click, once with the keyboard (focus stays on its button).
    await section().getByRole('button', { name: 'Flytt Glåmdal regionråd ned' }).click();
    await section().getByText('Glåmdal regionråd er nå nummer 2.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Flytt Glåmdal regionråd ned');
    await page.keyboard.press('Enter');
    await section().getByText('Glåmdal regionråd er nå nummer 3.').waitFor();
    // Rådmannsgruppen is now second, Styringsgruppen first.
    expect(await body(1).getByRole('textbox', { name: 'Navn' }).inputValue()).toBe('Styringsgruppen');
    expect(await body(2).getByRole('textbox', { name: 'Navn' }).inputValue()).toBe('Rådmannsgruppen');
    expect(await body(3).getByRole('textbox', { name: 'Navn' }).inputValue()).toBe('Glåmdal regionråd');

    // Saving without an owner is refused at the owner choice.
    await section().getByRole('button', { name: 'Lagre saksgangen' }).click();
    await section().getByText('Velg hvilket organ som er prosjekteier.').waitFor();

    await section().getByRole('group', { name: 'Prosjekteier' }).getByRole('radio', { name: 'Glåmdal regionråd' }).check();
    const forstudie = section().getByLabel('Porten etter forstudien');
    expect(await forstudie.locator('option:checked').innerText()).toBe('Prosjekteieren (Glåmdal regionråd)');
    await forstudie.selectOption({ label: 'Delegert til Rådmannsgruppen' });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await section().getByRole('button', { name: 'Lagre saksgangen' }).click();
    await section().getByText('Saksgangen er lagret.').waitFor();
    await expectRoute();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the saved route after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Glåmdalsregionen' }).waitFor();
    await expectRoute();
    await logOut(page);
  });

  it('an adviser sees the route but cannot change it; the page passes axe', async () => {
    await page.context().clearCookies(); // independent of how the test before ended
    await logIn(page, server.baseUrl, 'radgiver@demo.no', '/regioner');
    await openGlamdal();
    await expectRoute();
    expect(await section().getByRole('button', { name: 'Endre saksgangen' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('the plan deliverable is the next phase’s plan: a panel with its completeness and a link to the plan editor', async () => {
    await page.context().clearCookies();
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', '/prosjekter');
    await page.getByRole('link', { name: 'Næringsvennlig Kongsbergregion 2026', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Næringsvennlig Kongsbergregion 2026' }).waitFor();
    // The deliverables table links the row to the plan editor as well.
    await page.getByRole('link', { name: 'Åpne planen for hovedprosjektet' }).first().waitFor();
    await page.getByRole('link', { name: 'Prosjektplan for hovedprosjektet', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Prosjektplan for hovedprosjektet' }).waitFor();

    const panel = page.getByRole('region', { name: 'Planen for hovedprosjektet' });
    await panel.getByText(/påkrevde (felt mangler|feltene er fylt ut|feltet er fylt ut)/).waitFor();
    await panel.getByText(/låses planen slik den er da, som den innsendte versjonen/).waitFor();
    // No text box for the plan: the owner and due date are still set here.
    expect(await page.getByLabel('Tekst', { exact: true }).count()).toBe(0);
    await page.getByRole('heading', { level: 2, name: 'Ansvar og frist' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await panel.getByRole('link', { name: 'Åpne planen for hovedprosjektet' }).click();
    await page.waitForURL(/\/faser\/hovedprosjekt\/plan$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('a save over someone else’s newer route is refused and the newest can be loaded', async () => {
    // A fresh tab: the plan editor left open by the test before may hold the page.
    await page.context().clearCookies();
    await page.close();
    page = await browser.context.newPage();
    await logIn(page, server.baseUrl, 'sekretariat.glamdal@demo.no', '/regioner');
    await openGlamdal();
    await section().getByRole('button', { name: 'Endre saksgangen' }).click();
    await body(1).getByRole('textbox', { name: 'Navn' }).fill('Styringsgruppa');

    // Meanwhile someone else renames the rådmannsgruppe.
    const api = await apiAs(page, server.baseUrl);
    const region = (await api.get<{ id: string; name: string }[]>('/api/regions')).find((r) => r.name === 'Glåmdalsregionen')!;
    const route = await api.get<CaseRoute>(`/api/regions/${region.id}/case-route`);
    await api.send('PUT', `/api/regions/${region.id}/case-route`, {
      version: route.version,
      bodies: route.bodies.map(({ id, name, kind, isOwner, decidesGates }) => ({
        id,
        name: name === 'Rådmannsgruppen' ? 'Rådmannsutvalget' : name,
        kind,
        isOwner,
        decidesGates,
      })),
    });

    await section().getByRole('button', { name: 'Lagre saksgangen' }).click();
    await section().getByText('Saksgangen er endret av noen andre').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await section().getByRole('button', { name: 'Last inn på nytt' }).click();
    await section().getByText('Skjemaet viser nå de nyeste opplysningene.', { exact: false }).waitFor();
    expect(await body(1).getByRole('textbox', { name: 'Navn' }).inputValue()).toBe('Styringsgruppen');
    expect(await body(2).getByRole('textbox', { name: 'Navn' }).inputValue()).toBe('Rådmannsutvalget');
    await section().getByRole('button', { name: 'Avbryt' }).click();
    await routeTable().getByRole('rowheader', { name: 'Rådmannsutvalget' }).waitFor();
  });
});
