import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { DEMO_PASSWORD, logIn, logOut } from './support/session';

jest.setTimeout(60_000);

describe('regions in the browser', () => {
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

  it('asks for login first and returns to the page that was asked for; the login page passes axe', async () => {
    await page.goto(`${server.baseUrl}/regioner`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/logg-inn');
    expect(new URL(page.url()).searchParams.get('neste')).toBe('/regioner');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The checker itself finds what it should: an unnamed button added to the page is reported, and gone once removed.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<button id="axe-probe"></button>'));
    expect(await seriousA11yViolations(page)).toEqual([expect.stringMatching(/^button-name \(critical\).*#axe-probe/)]);
    await page.evaluate(() => document.getElementById('axe-probe')?.remove());

    await page.getByLabel('E-postadresse').fill('admin@demo.no');
    await page.getByLabel('Passord', { exact: true }).fill('feil-passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Feil e-postadresse eller passord' }).waitFor();

    await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regioner' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/regioner');
  });

  it('lists the regions; the list passes axe', async () => {
    const table = page.getByRole('table', { name: 'Alle regioner' });
    await table.getByRole('link', { name: 'Kongsbergregionen' }).waitFor();
    await table.getByRole('link', { name: 'Glåmdalsregionen' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows Kongsbergregionen with its 7 member kommuner and 50 388 inhabitants; the page passes axe', async () => {
    await page.getByRole('link', { name: 'Kongsbergregionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kongsbergregionen' }).waitFor();
    const members = page.getByRole('table', { name: /Kommuner som er medlemmer av Kongsbergregionen/ });
    await members.waitFor();
    expect(await members.locator('tbody tr').count()).toBe(7);
    expect(await members.locator('tfoot').innerText()).toMatch(/50\s388/);
    expect(await page.locator('.facts').innerText()).toMatch(/50\s388 innbyggere/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches to English', async () => {
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { level: 2, name: 'Member kommuner' }).waitFor();
    await page.getByRole('link', { name: 'Projects', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Kongsbergregionen');
    // English is a chunk of its own: a cold load in the chosen language fetches it before the first paint.
    const chunks: string[] = [];
    page.on('request', (r) => chunks.push(new URL(r.url()).pathname));
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Member kommuner' }).waitFor();
    expect(chunks.some((p) => /\/assets\/en\.bundle-/.test(p))).toBe(true);
    expect(chunks.some((p) => /\/assets\/nn\.bundle-/.test(p))).toBe(false);
    // Back to bokmål, so the stored choice does not follow this profile into other checks.
    await page.getByLabel('Language').selectOption('nb');
    await page.getByRole('heading', { level: 2, name: 'Medlemskommuner' }).waitFor();
  });

  it('the administrator creates a region, adds a member, renames the region and ends the membership; the forms say what is missing', async () => {
    await logOut(page);
    await logIn(page, server.baseUrl, 'admin@demo.no', '/regioner');
    await page.getByRole('link', { name: 'Ny region' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny region' }).waitFor();
    await page.getByRole('button', { name: 'Opprett region' }).click();
    await page.getByText('Skriv navnet på regionen.').waitFor();
    await page.getByText('Skriv navnet på regionrådet.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await page.getByRole('textbox', { name: 'Navn på regionen' }).fill('Testregionen');
    await page.getByRole('textbox', { name: 'Regionråd' }).fill('Testrådet');
    await page.getByRole('button', { name: 'Opprett region' }).click();
    await page.getByRole('heading', { level: 1, name: 'Testregionen' }).waitFor();
    await page.getByText('Regionen Testregionen er opprettet.').waitFor();

    // A member from today.
    const add = page.getByRole('region', { name: 'Legg til medlemskommune' });
    await add.getByRole('button', { name: 'Legg til medlem' }).click();
    await add.getByText('Velg en kommune.').waitFor();
    const kommune = add.getByRole('combobox', { name: 'Kommune' });
    await kommune.selectOption({ index: 1 });
    const chosen = (await kommune.locator('option:checked').innerText()).replace(/^\d+ (.+) \(.+\)$/, '$1');
    await add.getByRole('button', { name: 'Legg til medlem' }).click();
    await add.getByText(`${chosen} er lagt til som medlem fra`, { exact: false }).waitFor();
    const members = page.getByRole('table', { name: 'Kommuner som er medlemmer av Testregionen i dag' });
    await members.getByRole('rowheader', { name: chosen }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Rename in the dialog; an empty name is refused first.
    await page.getByRole('button', { name: 'Endre region' }).click();
    const dialog = page.getByRole('dialog', { name: 'Endre region' });
    await dialog.getByRole('textbox', { name: 'Navn på regionen' }).fill('');
    await dialog.getByRole('button', { name: 'Lagre endringer' }).click();
    await dialog.getByText('Skriv navnet på regionen.').waitFor();
    await dialog.getByRole('textbox', { name: 'Navn på regionen' }).fill('Testregionen nord');
    await dialog.getByRole('button', { name: 'Lagre endringer' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Testregionen nord' }).waitFor();

    // End the membership on a day before it began: refused at the field; then today.
    await page.getByRole('button', { name: `Avslutt medlemskap for ${chosen}` }).click();
    const end = page.getByRole('dialog', { name: `Avslutte medlemskapet til ${chosen}?` });
    await end.getByLabel('Siste dag som medlem').fill('2000-01-01');
    await end.getByRole('button', { name: 'Avslutt medlemskap' }).click();
    await end.getByText(/Datoen kan ikke være før/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await end.getByLabel('Siste dag som medlem').fill(new Date().toISOString().slice(0, 10));
    await end.getByRole('button', { name: 'Avslutt medlemskap' }).click();
    await page.getByText(`Medlemskapet til ${chosen} avsluttes`, { exact: false }).waitFor();
  });
});
