import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { samplePdf } from '../../server/test/support/sample-files';
import { apiAs, logIn, logOut, mainText, type Api } from './support/session';

jest.setTimeout(120_000);

/**
 * One new project walked from forstudie to hovedprosjekt by its project leader and the regionråd,
 * through the screens: create, write and submit a deliverable, review it, tick checkpoints, send the
 * phase's package to decision and record the vedtak — for both gates. The package needs no meeting of
 * its own: deliverables with text go in as they are. Repetitive work (the other deliverables, the next
 * phase's plan and budget) goes through the API with the person's own session and CSRF token.
 */
describe('the PLP journey in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let projectId = '';
  const projectName = 'Næringsvennlig Numedal og Kongsberg';
  const url = (path: string) => `${server.baseUrl}${path}`;
  const projectPath = () => `/prosjekter/${projectId}`;
  const gatePath = (phase: string) => `${projectPath()}/faser/${phase}/beslutning`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The text of the phase step marked aria-current="step". */
  const currentStep = () => page.locator('ol.stepper > li[aria-current="step"]').innerText();
  const status = (text: string | RegExp) => page.getByText(text).first().waitFor();

  it('the regionråd starts a project with Pia Prosjektleder as leader', async () => {
    await logIn(page, server.baseUrl, 'regionrad@demo.no', '/prosjekter');
    await page.getByRole('link', { name: 'Nytt prosjekt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt prosjekt' }).waitFor();

    // The regionråd decides for one region only, so it is chosen already, with all its current members ticked.
    await page.getByRole('group', { name: 'Deltakende kommuner' }).waitFor();
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).not.toBe('');
    expect(await page.getByRole('group', { name: 'Deltakende kommuner' }).getByRole('checkbox', { checked: true }).count()).toBe(7);
    await page.getByRole('checkbox', { name: 'Tinn (4026)' }).uncheck();

    await page.getByLabel('Navn på prosjektet').fill(projectName);
    await page.getByLabel('Beskrivelse (valgfritt)').fill('Forstudie om næringsutviklerrollen i Numedal og Kongsberg.');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
    const [y, m] = today.split('-').map(Number);
    const end = `${m + 8 > 12 ? y + 1 : y}-${String(((m + 7) % 12) + 1).padStart(2, '0')}-28`;
    await page.getByLabel('Forstudien planlagt fra (valgfritt)').fill(today);
    await page.getByLabel('Forstudien planlagt til (valgfritt)').fill(end);
    await page.getByLabel('Prosjektleder (valgfritt)').selectOption({ label: 'Pia Prosjektleder (prosjektleder@demo.no)' });
    await page.getByRole('button', { name: 'Opprett prosjekt' }).click();

    await page.getByRole('heading', { level: 1, name: projectName }).waitFor();
    await status(`Prosjektet ${projectName} er opprettet. Forstudien er startet.`);
    projectId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await currentStep()).toMatch(/Forstudie[\s\S]*Pågår/);
    const team = await page.getByRole('region', { name: 'Prosjektorganisasjon og kommuner' }).innerText();
    expect(team).toContain('Pia Prosjektleder');
    expect(team).not.toContain('Tinn');
    await logOut(page);
  });

  it('the project leader writes the first deliverable on its page, attaches a file and submits it', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', projectPath());
    const next = page.getByRole('region', { name: 'Hva må gjøres nå?' });
    await next.getByRole('link', { name: 'Skriv «Kartlegging av næringslivets behov»' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging av næringslivets behov' }).waitFor();

    await page
      .getByLabel('Tekst', { exact: true })
      .fill('Vi intervjuet 24 bedrifter i sju kommuner. De ønsker én dør inn til næringsapparatet.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await status('Leveransen er lagret.');

    await page.getByLabel('Legg ved fil').setInputFiles({
      name: 'Intervjuer næringslivet.pdf',
      mimeType: 'application/pdf',
      buffer: await samplePdf('Intervjuer'),
    });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.getByRole('link', { name: 'Intervjuer næringslivet.pdf' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Send til vurdering' }).click();
    await status('Leveransen er sendt til regionrådet for vurdering.');
    expect(await page.locator('main h1 + *').first().innerText()).toBe('Til vurdering');
    expect(await page.getByRole('button', { name: 'Lagre', exact: true }).count()).toBe(0);
  });

  it('the project leader completes the other forstudie deliverables and ticks the checkpoints on the gate page', async () => {
    const api = await apiAs(page, server.baseUrl);
    await completePlan(api, projectId, 'forprosjekt');
    await balanceBudget(api, projectId, 'forprosjekt');
    await submitDeliverables(api, projectId, 'forstudie');

    await page.goto(url(gatePath('forstudie')));
    await page.getByRole('heading', { level: 1, name: 'Beslutningspunkt: Forstudie' }).waitFor();
    for (const checkpoint of ['Ambisjoner og planer er forankret hos regionrådet', 'Styringsgruppen har behandlet sluttrapporten']) {
      const group = page.getByRole('group', { name: checkpoint });
      await group.getByRole('checkbox', { name: 'Oppfylt' }).check();
      await group.getByLabel('Kommentar (valgfritt)').fill('Behandlet i møte.');
      await group.locator('xpath=ancestor::form').getByRole('button', { name: 'Lagre kontrollpunkt' }).click();
      await status(`Kontrollpunktet «${checkpoint}» er krysset av.`);
    }
    // The deliverables wait for the regionråd's review, but the package can go to the meeting as it is.
    await status('Alt som kreves er på plass. Fasen kan sendes til regionrådet.');
    await logOut(page);
  });

  it('the regionråd reviews the first deliverable on its page before the meeting', async () => {
    await logIn(page, server.baseUrl, 'regionrad@demo.no', projectPath());
    const next = page.getByRole('region', { name: 'Hva må gjøres nå?' });
    await next.getByRole('link', { name: 'Vurder «Kartlegging av næringslivets behov»' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging av næringslivets behov' }).waitFor();
    await page.getByRole('group', { name: 'Vurdering' }).getByRole('radio', { name: 'Godkjenn leveransen' }).check();
    await page.getByRole('button', { name: 'Registrer vurdering' }).click();
    await status('Leveransen er godkjent.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await logOut(page);
  });

  it('the project leader sends the forstudie to the regionråd', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', gatePath('forstudie'));
    await sendToDecision('Forstudie');
    await logOut(page);
  });

  it('the regionråd records the approval: the forprosjekt is in progress', async () => {
    await logIn(page, server.baseUrl, 'regionrad@demo.no', gatePath('forstudie'));
    await page.getByRole('heading', { level: 2, name: /^Registrer vedtaket i / }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await recordDecision({
      outcome: 'Godkjent',
      caseNumber: '14/26',
      text: 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjekt.',
    });
    await status('Vedtaket er registrert. Forstudie er fullført, og Forprosjekt er startet.');
    const decided = await mainText(page);
    expect(decided).toContain('14/26');
    expect(decided).toContain('Regionrådet godkjenner forstudien');

    await page.getByRole('link', { name: projectName }).click();
    await page.getByRole('heading', { level: 1, name: projectName }).waitFor();
    expect(await currentStep()).toMatch(/Forprosjekt[\s\S]*Pågår/);
    expect(await page.locator('ol.stepper > li').first().innerText()).toMatch(/Forstudie[\s\S]*Fullført/);
    await logOut(page);
  });

  it('the forprosjekt goes the same way, approved with conditions: the hovedprosjekt is in progress', async () => {
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', projectPath());
    const leader = await apiAs(page, server.baseUrl);
    await completePlan(leader, projectId, 'hovedprosjekt');
    await balanceBudget(leader, projectId, 'hovedprosjekt');
    await submitDeliverables(leader, projectId, 'forprosjekt');
    for (const key of ['leadership_briefed', 'kommuner_informed', 'financing_decided']) {
      await leader.send('PUT', `/api/projects/${projectId}/phases/forprosjekt/gate/checkpoints/${key}`, { checked: true, comment: null });
    }
    await logOut(page);

    await logIn(page, server.baseUrl, 'prosjektleder@demo.no', projectPath());
    await page.getByRole('link', { name: 'Send Forprosjekt til beslutning i regionrådet' }).click();
    await sendToDecision('Forprosjekt');
    await logOut(page);

    await logIn(page, server.baseUrl, 'regionrad@demo.no', projectPath());
    await page.getByRole('link', { name: 'Registrer regionrådets vedtak om Forprosjekt' }).click();
    await page.getByRole('heading', { level: 2, name: /^Registrer vedtaket i / }).waitFor();
    await recordDecision({
      outcome: 'Godkjent med vilkår',
      caseNumber: '31/26',
      text: 'Regionrådet godkjenner forprosjektet og vedtar oppstart av hovedprosjekt.',
      conditions: 'Fylkeskommunen bekrefter sin andel innen 1. mars.',
    });
    await status('Vedtaket er registrert. Forprosjekt er fullført, og Hovedprosjekt er startet.');
    await page.goto(url(projectPath()));
    expect(await currentStep()).toMatch(/Hovedprosjekt[\s\S]*Pågår/);
    await logOut(page);
  });

  it('the adviser follows the project: phases and history, and no buttons to edit, submit or decide', async () => {
    await logIn(page, server.baseUrl, 'radgiver@demo.no', projectPath());
    await page.getByRole('heading', { level: 1, name: projectName }).waitFor();
    expect(await currentStep()).toMatch(/Hovedprosjekt[\s\S]*Pågår/);
    await status('Du følger prosjektet. Ingenting venter på deg nå.');
    const history = page.getByRole('table', { name: /Hva som har skjedd/ });
    await history.getByText('Regionrådet godkjente fasen med vilkår: Forprosjekt, sak 31/26').waitFor();
    expect(await history.innerText()).toContain('Regionrådet godkjente fasen: Forstudie, sak 14/26');
    expect(await page.locator('main').getByRole('button').allInnerTexts()).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(url(gatePath('forprosjekt')));
    await page.getByRole('heading', { level: 1, name: 'Beslutningspunkt: Forprosjekt' }).waitFor();
    // The condition is shown where it was set: in the table of the decision's conditions and in the decision itself.
    await page
      .getByRole('table', { name: 'Vilkårene slik de ble vedtatt' })
      .getByText('Fylkeskommunen bekrefter sin andel innen 1. mars.')
      .waitFor();
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('main input, main textarea').count()).toBe(0);

    await page.goto(url(gatePath('forstudie')));
    await page
      .getByRole('link', { name: /^Kartlegging av næringslivets behov/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging av næringslivets behov' }).waitFor();
    await page.getByRole('link', { name: 'Intervjuer næringslivet.pdf' }).waitFor();
    // Advisers may comment, and nothing else.
    expect(await page.locator('main').getByRole('button').allInnerTexts()).toEqual(['Publiser kommentaren']);
  });

  async function sendToDecision(phase: string) {
    await page.getByRole('heading', { level: 1, name: `Beslutningspunkt: ${phase}` }).waitFor();
    await status('Alt som kreves er på plass. Fasen kan sendes til regionrådet.');
    await page.getByLabel('Merknad til regionrådet (valgfritt)').fill('Sluttrapport og plan for neste fase ligger ved.');
    await page.getByRole('button', { name: 'Send til beslutning' }).click();
    await status(`${phase} er sendt til Regionrådet i Kongsbergregionen for beslutning.`);
    expect(await page.locator('main h1 + *').first().innerText()).toBe('Venter på vedtak');
  }

  async function recordDecision(d: { outcome: string; caseNumber: string; text: string; conditions?: string }) {
    const form = page.getByRole('region', { name: /^Registrer vedtaket i / });
    await form.getByRole('radio', { name: d.outcome, exact: true }).check();
    // The meeting date is today unless changed; the regionråd met today.
    await form.getByLabel('Saksnummer').fill(d.caseNumber);
    await form.getByLabel('Vedtakstekst').fill(d.text);
    if (d.conditions) await form.getByRole('group', { name: 'Vilkår 1' }).getByLabel('Hva må gjøres').fill(d.conditions);
    await form.getByRole('button', { name: 'Registrer vedtak' }).click();
  }
});

interface ProjectJson {
  phases: { key: string; deliverables: { id: string; state: string; version: number }[] }[];
}

async function phaseDeliverables(api: Api, projectId: string, phaseKey: string) {
  const project = await api.get<ProjectJson>(`/api/projects/${projectId}`);
  return project.phases.find((p) => p.key === phaseKey)?.deliverables ?? [];
}

/** The project leader writes and submits every draft deliverable of the phase. */
async function submitDeliverables(api: Api, projectId: string, phaseKey: string) {
  for (const d of await phaseDeliverables(api, projectId, phaseKey)) {
    if (d.state !== 'draft' && d.state !== 'returned') continue;
    const path = `/api/projects/${projectId}/deliverables/${d.id}`;
    await api.send('PATCH', path, { content: 'Utarbeidet av prosjektgruppen og drøftet i styringsgruppen.', version: d.version });
    await api.send('POST', `${path}/submit`);
  }
}

/** The next phase's plan with every required field of its template filled in, in the plan editor's API. */
async function completePlan(api: Api, projectId: string, phaseKey: string) {
  const url = `/api/projects/${projectId}/phases/${phaseKey}/plan`;
  const project = await api.get<{ kommuner: { id: string; name: string }[] }>(`/api/projects/${projectId}`);
  const plan = await api.get<{
    version: number;
    template: { sections: { key: string; fields: { key: string; kind: string; required: boolean }[] }[] };
  }>(url);
  const value = (kind: string): unknown => {
    switch (kind) {
      case 'list':
        return ['Én dør inn for næringslivet'];
      case 'subgoals':
        return [{ title: 'Felles førstelinje', activities: ['Kartlegge dagens tjenester'] }];
      case 'kommune_resources':
        return project.kommuner.map((k) => ({ kommuneId: k.id, kommuneName: k.name, percent: 10 }));
      case 'milestones':
        return [{ title: 'Fasen avsluttes', date: `${new Date().getFullYear() + 1}-06-30` }];
      case 'roles':
        return [{ role: 'Prosjektleder', name: 'Pia Prosjektleder' }];
      default:
        return 'Utarbeidet av prosjektgruppen og drøftet i styringsgruppen.';
    }
  };
  const content: Record<string, Record<string, unknown>> = {};
  for (const s of plan.template.sections)
    for (const f of s.fields.filter((x) => x.required)) (content[s.key] ??= {})[f.key] = value(f.kind);
  await api.send('PATCH', url, { version: plan.version, content });
}

/** The plan for the next phase needs a budget whose costs and financing balance. */
async function balanceBudget(api: Api, projectId: string, phaseKey: string) {
  const plan = await api.get<{ version: number }>(`/api/projects/${projectId}/phases/${phaseKey}/plan`);
  const year = new Date().getFullYear();
  await api.send('PUT', `/api/projects/${projectId}/phases/${phaseKey}/plan/budget`, {
    version: plan.version,
    lines: [
      { kind: 'cost', category: 'project_management', year, description: 'Prosjektleder', amount: 400000 },
      { kind: 'financing', category: 'kommuner_direct', year, description: 'Kommunenes andel', amount: 400000 },
    ],
  });
}
