import { SUCCESS_FACTOR_SPECS, todayInOslo } from '@nvr/shared';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut, mainText } from './support/session';

/**
 * Closing a hovedprosjekt in the browser: the project leader starts the final report from the outline,
 * finishes it, scores the ten success factors and logs a lesson; the regionråd scores them as the owner
 * and records the decision to carry the work on, which ends the project; an adviser then reads the lessons
 * and scores of the closed projects across the two regions they follow, and searches them. Axe on every page.
 */
jest.setTimeout(180_000);

describe('closing a hovedprosjekt and learning across regions', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let glamdal: { id: string; name: string };
  const today = todayInOslo();

  /** Gives each factor of an evaluation form its score (a fieldset is named by its legend and its question). */
  async function scoreAll(form: ReturnType<Page['getByRole']>, score: (i: number) => string): Promise<void> {
    for (const [i, factor] of SUCCESS_FACTOR_SPECS.entries()) {
      await form
        .getByRole('group', { name: `${factor.title.nb} ${factor.question.nb}`, exact: true })
        .getByRole('radio', { name: score(i), exact: true })
        .check();
    }
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    const api = await apiAs(page, server.baseUrl);
    glamdal = (await api.get<{ id: string; name: string }[]>('/api/projects')).find((p) => p.name === 'Næringsvennlig Glåmdal')!;
    // Glåmdal's project has come through its forstudie and forprosjekt: its hovedprosjekt started today.
    const db = server.app.get(DataSource);
    await db.query(
      `UPDATE project_phase ph
          SET state = CASE ph.phase_key WHEN 'hovedprosjekt' THEN 'in_progress' ELSE 'completed' END,
              actual_start = CASE ph.phase_key WHEN 'forstudie' THEN ph.actual_start WHEN 'forprosjekt' THEN m.mid ELSE $2::date END,
              actual_end = CASE ph.phase_key WHEN 'forstudie' THEN m.mid WHEN 'forprosjekt' THEN $2::date ELSE NULL END
         FROM (SELECT least(actual_start + 30, $2::date) AS mid FROM project_phase WHERE project_id = $1 AND phase_key = 'forstudie') m
        WHERE ph.project_id = $1`,
      [glamdal.id, today],
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the leader starts the final report from the outline, finishes it, scores the factors and logs a lesson; it passes axe', async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${glamdal.id}`);
    await page.getByRole('link', { name: 'Avslutning', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Avslutning – ${glamdal.name}` }).waitFor();
    await page.getByRole('button', { name: 'Start sluttrapporten' }).click();
    await page.getByText('Sluttrapporten er startet. Les gjennom og skriv ferdig hvert avsnitt.').waitFor();
    // Pre-filled from the project: its phases and their gate decisions.
    expect(await page.getByLabel('3 Leveranser').inputValue()).toContain('Forstudien:');
    await page.getByLabel('6 Hva gikk bra').fill('Felles næringsstrategi for sju kommuner på ett år.');
    await page.getByLabel('7 Hva gikk mindre bra').fill('Næringslivet kom for sent med.');
    await page.getByLabel('8 Anbefalinger for permanent videreføring').fill('Videreføres som Glåmdal næringsråd.');
    await page.getByRole('button', { name: 'Lagre sluttrapporten' }).click();
    await page.getByText('Sluttrapporten er lagret.').waitFor();

    const mine = page.getByRole('region', { name: 'Din evaluering som prosjektleder' });
    await scoreAll(mine, (i) => (i === 0 ? '5 – sterk' : '3'));
    await mine.getByRole('button', { name: 'Lagre prosjektlederens evaluering' }).click();
    await page.getByText('Prosjektlederens evaluering er lagret.').waitFor();
    const comparison = page.getByRole('table', { name: 'Prosjektleder og prosjekteier side om side' });
    expect(await comparison.getByRole('row', { name: /Forankring/ }).innerText()).toContain('5 av 5');

    const add = page.getByRole('form', { name: 'Nytt læringspunkt' });
    await add
      .getByLabel('Læringspunkt', { exact: true })
      .fill('Forankring i formannskapene før hver fase ga raske vedtak i kommunestyrene.');
    await add.getByLabel('Suksessfaktor', { exact: true }).selectOption({ label: 'Forankring' });
    await add.getByRole('button', { name: 'Legg til læringspunkt' }).click();
    await page.getByText('Læringspunktet er lagt til.').waitFor();
    await page
      .getByRole('list', { name: 'Læringspunkter' })
      .getByText('Forankring i formannskapene før hver fase ga raske vedtak i kommunestyrene.', { exact: true })
      .waitFor();
    // Only the owner decides.
    expect(await page.getByRole('button', { name: 'Registrer vedtaket og avslutt prosjektet' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('the regionråd scores the factors as the owner and decides to carry the work on, which ends the project; it passes axe', async () => {
    await logIn(page, server.baseUrl, 'sekretariat.glamdal@demo.no', `/prosjekter/${glamdal.id}/avslutning`);
    await page.getByRole('heading', { level: 1, name: `Avslutning – ${glamdal.name}` }).waitFor();
    const owner = page.getByRole('region', { name: 'Regionrådets evaluering som prosjekteier' });
    await scoreAll(owner, (i) => (i === 0 ? '2' : '4'));
    await owner.getByRole('button', { name: 'Lagre prosjekteierens evaluering' }).click();
    await page.getByText('Prosjekteierens evaluering er lagret.').waitFor();
    // Three points apart on anchoring: flagged in the side-by-side table.
    const row = page.getByRole('table', { name: 'Prosjektleder og prosjekteier side om side' }).getByRole('row', { name: /Forankring/ });
    expect(await row.innerText()).toContain('Ulik vurdering');

    await page.getByRole('radio', { name: 'Arbeidet videreføres som permanent samarbeid' }).check();
    await page.getByLabel('Saksnummer').fill('33/26');
    await page
      .getByLabel('Vedtakstekst')
      .fill('Regionrådet tar sluttrapporten til etterretning. Samarbeidet videreføres i Glåmdal næringsråd.');
    await page.getByLabel('Eier videre (organisasjon)').fill('Glåmdal næringsråd');
    await page.getByRole('textbox', { name: 'Finansiering', exact: true }).fill('Kommunene etter innbyggertall.');
    await page.getByLabel('Årlig beløp (kr)').fill('1 200 000');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Registrer vedtaket og avslutt prosjektet' }).click();
    await page.getByText('Vedtaket er registrert. Prosjektet er avsluttet, og arbeidet videreføres som permanent samarbeid.').waitFor();
    const text = await mainText(page);
    expect(text).toContain('Glåmdal næringsråd');
    expect(text).toContain('Prosjektet ble avsluttet etter vedtak');
    expect(await page.getByRole('button', { name: 'Lagre sluttrapporten' }).count()).toBe(0);
    const api = await apiAs(page, server.baseUrl);
    expect((await api.get<{ status: string }>(`/api/projects/${glamdal.id}`)).status).toBe('completed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('an adviser reads the scores and lessons of the closed projects of both regions, and searches them; it passes axe', async () => {
    await logIn(page, server.baseUrl, 'radgiver@demo.no');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Læring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Læring på tvers av regioner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '2 avsluttede prosjekter' }).waitFor();
    const projects = page.getByRole('table', { name: 'Avsluttede prosjekter' });
    await projects.getByRole('link', { name: 'Næringsvennlig Glåmdal' }).waitFor();
    await projects.getByRole('link', { name: 'Samordnet næringsapparat i Kongsbergregionen' }).waitFor();
    expect(await projects.innerText()).toContain('Videreført i Næringsforum Kongsbergregionen');
    const factors = page.getByRole('table', { name: 'Suksessfaktorene: gjennomsnitt og fordeling' });
    // Anchoring: the leaders gave 5 (Kongsberg) and 5 (Glåmdal), the owners 4 and 2.
    const anchoring = await factors.getByRole('row', { name: /^Forankring/ }).innerText();
    expect(anchoring).toContain('5 (n = 2)');
    expect(anchoring).toContain('3 (n = 2)');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Søk i læringspunktene' }).fill('forankringen');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/sok=forankringen/);
    // Stemmed, "forankringen" finds "Forankring i formannskapene" (Glåmdal) and "Forankringen skjer" (Kongsberg).
    await page.getByRole('heading', { level: 2, name: '2 læringspunkter' }).waitFor();
    const found = await mainText(page);
    expect(found).toContain('Forankring i formannskapene før hver fase');
    expect(found).toContain('(Glåmdalsregionen)');
    expect(found).toContain('(Kongsbergregionen)');
    expect(found).not.toContain('Ta med næringslivet i arbeidet fra forstudien');

    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Glåmdalsregionen' });
    await page.getByRole('heading', { level: 2, name: '1 avsluttet prosjekt' }).waitFor();
    expect(await mainText(page)).not.toContain('(Kongsbergregionen)');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
