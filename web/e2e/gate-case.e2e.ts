import { phaseSpec } from '@nvr/shared';
import type { Page } from 'playwright-core';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut, mainText, type Api } from './support/session';

jest.setTimeout(180_000);

const SECRETARIAT = 'sekretariat.glamdal@demo.no';
const LEADER = 'prosjektleder@demo.no';
const BODIES = [
  { name: 'Styringsgruppen', kind: 'styringsgruppe', isOwner: false, decidesGates: [] },
  { name: 'Rådmannsgruppen', kind: 'radmannsgruppe', isOwner: false, decidesGates: [] },
  { name: 'Glåmdal regionråd', kind: 'regionrad', isOwner: true, decidesGates: [] },
];
const SENT_BACK = 'Sluttrapporten må vise hva bedriftene i hver kommune svarte, og budsjettet må ta med reisekostnader.';
const PROPOSAL = 'Glåmdal regionråd godkjenner sluttrapporten og vedtar oppstart av forprosjektet med seks kommuner.';
const CONDITIONS = ['Fylkeskommunen bekrefter sin andel av finansieringen.', 'Styringsgruppen legger fram en kommunikasjonsplan.'];

interface GateJson {
  kommuneCases: { cases: { id: string; kommuneName: string; version: number; outcome: string }[] } | null;
}

/**
 * The gate as a regionråd secretariat runs it, in the browser: a Glåmdal forstudie sent as one package
 * goes through styringsgruppe → rådmannsgruppe → regionråd; each kommunestyre decides on its share (one
 * says no, and the page shows what that means for the others); the regionråd approves with two
 * conditions, and the project leader meets one of them on the next phase's gate. The project, the
 * region's case route and the package are set up through the API with each person's own session.
 */
describe('the decision gate as it runs, in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let projectId = '';
  const gatePath = (phase: string) => `/prosjekter/${projectId}/faser/${phase}/beslutning`;
  const status = (text: string | RegExp) => page.getByText(text).first().waitFor();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the secretariat sets up the route and the project; the leader sends the package', async () => {
    await logIn(page, server.baseUrl, SECRETARIAT, '/prosjekter');
    const secretariat = await apiAs(page, server.baseUrl);
    const regions = await secretariat.get<{ id: string; name: string }[]>('/api/regions');
    const region = regions.find((r) => r.name.startsWith('Glåmdal'));
    if (!region) throw new Error('the demo data has no Glåmdal region');
    const details = await secretariat.get<{ members: { kommune: { id: string } }[] }>(`/api/regions/${region.id}`);
    const kommuneIds = [...new Set(details.members.map((m) => m.kommune.id))];
    expect(kommuneIds.length).toBe(7);

    // Styringsgruppen → Rådmannsgruppen → Glåmdal regionråd (the owner, who decides); the demo data may have it already.
    const route = await secretariat.get<{ version: string; bodies: { name: string }[] }>(`/api/regions/${region.id}/case-route`);
    if (route.bodies.map((b) => b.name).join() !== BODIES.map((b) => b.name).join()) {
      await secretariat.send('PUT', `/api/regions/${region.id}/case-route`, { version: route.version, bodies: BODIES });
    }

    const people = await secretariat.get<{ id: string; email: string }[]>('/api/users/directory');
    const leader = people.find((p) => p.email === LEADER);
    const today = todayOslo();
    const created = await secretariat.send<{ id: string }>('POST', '/api/projects', {
      regionId: region.id,
      name: 'Felles førstelinje i Glåmdal',
      kommuneIds,
      leaderUserId: leader?.id,
      forstudie: { plannedStart: today, plannedEnd: addMonths(today, 7) },
    });
    projectId = created.id;
    await logOut(page);

    await logIn(page, server.baseUrl, LEADER, gatePath('forstudie'));
    await preparePackage(await apiAs(page, server.baseUrl), projectId);
    await page.goto(server.baseUrl + gatePath('forstudie'));
    await page.getByRole('heading', { level: 1, name: 'Beslutningspunkt: Forstudie' }).waitFor();
    await status('Alt som kreves er på plass. Fasen kan sendes til regionrådet.');
    const checklist = await page.getByRole('region', { name: 'Er fasen klar for beslutning?' }).innerText();
    expect(checklist).toMatch(/Planen for Forprosjekt: (\d+) av \1 påkrevde felt fylt ut/);
    await page.getByLabel('Merknad til regionrådet (valgfritt)').fill('Sluttrapport, anbefaling og plan for forprosjektet.');
    await page.getByRole('button', { name: 'Send til beslutning' }).click();
    await status('Forstudie er sendt til Glåmdal regionråd for beslutning.');
    expect(await mainText(page)).toContain('Saken ligger hos Styringsgruppen.');
    await logOut(page);
  });

  it('the owner sends the package back, reopening the final report and the budget', async () => {
    await logIn(page, server.baseUrl, SECRETARIAT, gatePath('forstudie'));
    // The first two bodies handled the case through the API; the regionråd's meeting is recorded on the page.
    const api = await apiAs(page, server.baseUrl);
    const gate = await api.get<{ caseRoute: { id: string; decides: boolean }[] }>(`/api/projects/${projectId}/phases/forstudie/gate`);
    for (const step of gate.caseRoute.filter((x) => !x.decides)) {
      await api.send('POST', `/api/projects/${projectId}/phases/forstudie/gate/steps/${step.id}`, {
        meetingDate: todayOslo(),
        caseNumber: '2/27',
        recommendedOutcome: 'sent_back',
      });
    }
    await page.reload();
    const form = page.getByRole('region', { name: 'Registrer vedtaket i Glåmdal regionråd' });
    await form.getByRole('radio', { name: 'Sendt tilbake', exact: true }).check();
    await form.getByLabel('Saksnummer').fill('9/27');
    await form.getByLabel('Vedtakstekst', { exact: true }).fill(SENT_BACK);
    const reopen = form.getByRole('group', { name: 'Hva skal gjøres på nytt?' });
    await reopen.getByRole('checkbox', { name: 'Sluttrapport for forstudien' }).check();
    await reopen.getByRole('checkbox', { name: 'Budsjettet for Forprosjekt' }).check();
    await form.getByRole('button', { name: 'Registrer vedtak' }).click();
    await status('Vedtaket er registrert. Forstudie er sendt tilbake til prosjektet.');
    await logOut(page);
  });

  it('the leader sees the decision as the task, redoes what was reopened and sends the package again', async () => {
    await logIn(page, server.baseUrl, LEADER, gatePath('forstudie'));
    const notice = page.getByRole('region', { name: 'Glåmdal regionråd sendte saken tilbake: dette må gjøres' });
    await notice.getByText(SENT_BACK).waitFor();
    const task = await notice.innerText();
    expect(task).toContain('Sluttrapport for forstudien');
    expect(task).toContain('Budsjettet for Forprosjekt');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const api = await apiAs(page, server.baseUrl);
    await redo(api, projectId);
    await page.reload();
    await status('Alt som kreves er på plass. Fasen kan sendes til regionrådet.');
    await page.getByRole('button', { name: 'Send til beslutning' }).click();
    await status('Forstudie er sendt til Glåmdal regionråd for beslutning.');
    const changes = page.getByRole('region', { name: 'Endret siden forrige innsending' });
    const changed = await changes.innerText();
    expect(changed).toContain('Sluttrapport for forstudien');
    expect(changed).toContain('Budsjettet for Forprosjekt');
    await logOut(page);
  });

  it('the secretariat records the handling in the styringsgruppe and the rådmannsgruppe', async () => {
    await logIn(page, server.baseUrl, SECRETARIAT, gatePath('forstudie'));
    const route = page.getByRole('region', { name: 'Saksgangen' });
    await route.getByText('Saken ligger hos Styringsgruppen.').waitFor();
    expect(await route.locator('ol > li').count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await handleStep('Styringsgruppen', '4/27', 'Styringsgruppen anbefaler at forprosjektet settes i gang.');
    await status('Behandlingen i Styringsgruppen er registrert. Saken ligger nå hos Rådmannsgruppen.');
    await handleStep('Rådmannsgruppen', '11/27', 'Rådmannsgruppen slutter seg til styringsgruppens innstilling.');
    await status('Behandlingen i Rådmannsgruppen er registrert. Saken ligger nå hos Glåmdal regionråd.');

    // The saksframlegg for the styringsgruppe, as the secretariat sends it out.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned saksframlegg til Styringsgruppen som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    const handled = await route.innerText();
    expect(handled).toContain('4/27');
    expect(handled).toContain('Rådmannsgruppen slutter seg til styringsgruppens innstilling.');
    expect(handled).toMatch(/Ligger her nå/);
  });

  it('records each kommunestyre’s decision, one says no, and shows the consequence', async () => {
    const kommuner = page.getByRole('region', { name: 'Kommunestyrene' });
    await kommuner.getByText(/0 av 7 kommunestyrer har behandlet saken/).waitFor();

    await recordKommune('Kongsvinger', { outcome: 'Ja', caseNumber: 'PS 21/27' });
    await status('Vedtaket i Kongsvinger er registrert: Ja.');
    await recordKommune('Grue', { outcome: 'Nei', caseNumber: 'PS 9/27', text: 'Grue kommune deltar ikke i forprosjektet.' });
    await status('Vedtaket i Grue er registrert: Nei.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The other five through the API, as their kommune contacts would.
    const api = await apiAs(page, server.baseUrl);
    const gate = await api.get<GateJson>(`/api/projects/${projectId}/phases/forstudie/gate`);
    for (const c of gate.kommuneCases?.cases.filter((x) => x.outcome === 'pending') ?? []) {
      await api.send('PUT', `/api/projects/${projectId}/phases/forstudie/gate/kommune-cases/${c.id}`, {
        outcome: 'yes',
        meetingDate: todayOslo(),
        caseNumber: 'PS 30/27',
        version: c.version,
      });
    }
    await page.reload();
    await kommuner.getByText('7 av 7 kommunestyrer har behandlet saken, 1 sa nei.').waitFor();
    const consequence = page.getByRole('region', { name: 'Konsekvens for finansieringen' });
    await consequence.getByText(/Grue sa nei og blir ikke med videre/).waitFor();
    const shares = consequence.getByRole('table', { name: /Andelene før og etter/ });
    expect(await shares.getByRole('row').count()).toBe(7); // a header and the six that go on
    expect(await shares.innerText()).not.toContain('Grue');
    expect(await consequence.innerText()).toContain('Mangler i finansieringen');
  });

  it('the regionråd approves with two conditions, each with an owner', async () => {
    const proposal = page.getByRole('region', { name: 'Forslag til vedtak' });
    await proposal.getByRole('textbox', { name: 'Forslag til vedtak' }).fill(PROPOSAL);
    await proposal.getByRole('button', { name: 'Lagre forslaget' }).click();
    await status('Forslaget til vedtak er lagret.');

    const form = page.getByRole('region', { name: 'Registrer vedtaket i Glåmdal regionråd' });
    expect(await form.getByLabel('Vedtakstekst', { exact: true }).inputValue()).toBe(PROPOSAL);
    await form.getByRole('radio', { name: 'Godkjent med vilkår', exact: true }).check();
    await form.getByLabel('Saksnummer').fill('17/27');
    await form.getByRole('group', { name: 'Vilkår 1' }).getByLabel('Hva må gjøres').fill(CONDITIONS[0]);
    await form.getByRole('button', { name: 'Legg til vilkår' }).click();
    const second = form.getByRole('group', { name: 'Vilkår 2' });
    await second.getByLabel('Hva må gjøres').fill(CONDITIONS[1]);
    await second.getByLabel('Frist (valgfritt)').fill(addMonths(todayOslo(), 2));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Registrer vedtak' }).click();
    await status('Vedtaket er registrert. Forstudie er fullført, og Forprosjekt er startet.');

    const route = await page.getByRole('region', { name: 'Saksgangen' }).innerText();
    expect(route).toContain('Saken er avgjort av Glåmdal regionråd.');
    const set = page.getByRole('table', { name: 'Vilkårene slik de ble vedtatt' });
    for (const text of CONDITIONS) await set.getByText(text).waitFor();
    await logOut(page);
  });

  it('the project leader sees the conditions on the forprosjekt gate and meets one', async () => {
    await logIn(page, server.baseUrl, LEADER, gatePath('forprosjekt'));
    const section = page.getByRole('region', { name: 'Vilkår som må følges opp' });
    await section.getByText(/2 er ikke oppfylt/).waitFor();
    const table = section.getByRole('table', { name: 'Vilkårene med ansvarlig, frist og status' });
    expect(await table.innerText()).toContain('Pia Prosjektleder');

    await table.getByRole('button', { name: `Marker som oppfylt: ${CONDITIONS[0]}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Marker vilkåret som oppfylt' });
    await dialog.getByLabel('Hvordan er vilkåret oppfylt?').fill('Fylkeskommunen bekreftet andelen i brev 12. mars.');
    await dialog.getByRole('button', { name: 'Marker som oppfylt' }).click();
    await status(`Vilkåret «${CONDITIONS[0]}» er markert som oppfylt.`);

    const row = table.getByRole('row', { name: new RegExp(CONDITIONS[0].slice(0, 30)) });
    expect(await row.innerText()).toContain('Oppfylt');
    const checklist = await page.getByRole('region', { name: 'Er fasen klar for beslutning?' }).innerText();
    expect(checklist).toContain(`Vilkår ikke oppfylt: ${CONDITIONS[1]}`);
    expect(checklist).not.toContain(`Vilkår ikke oppfylt: ${CONDITIONS[0]}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  async function handleStep(body: string, caseNumber: string, text: string) {
    const form = page.getByRole('form', { name: `Registrer behandlingen i ${body}` });
    await form.getByLabel('Saksnummer').fill(caseNumber);
    await form.getByRole('group', { name: 'Innstilling' }).getByRole('radio', { name: 'Godkjent', exact: true }).check();
    await form.getByLabel('Innstillingens tekst (valgfritt)').fill(text);
    await form.getByRole('button', { name: 'Registrer behandlingen' }).click();
  }

  async function recordKommune(kommune: string, d: { outcome: string; caseNumber: string; text?: string }) {
    await page.getByRole('button', { name: `Registrer vedtaket i ${kommune}` }).click();
    const dialog = page.getByRole('dialog', { name: `Vedtaket i ${kommune} kommunestyre` });
    await dialog.getByRole('radio', { name: d.outcome, exact: true }).check();
    await dialog.getByLabel('Saksnummer').fill(d.caseNumber);
    if (d.text) await dialog.getByLabel('Vedtakstekst').fill(d.text);
    await dialog.getByRole('button', { name: 'Registrer vedtaket' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
});

function todayOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** The same day `months` later (the 28th at most, so every month has it). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

interface TemplateField {
  key: string;
  kind: string;
  required: boolean;
}

/** A value that fills a plan field of the given kind. */
function fieldValue(kind: string, kommuner: { id: string; name: string }[]): unknown {
  switch (kind) {
    case 'list':
      return ['Felles førstelinje for næringslivet'];
    case 'subgoals':
      return [{ title: 'Felles førstelinje', activities: ['Kartlegge dagens tjenester'] }];
    case 'kommune_resources':
      return kommuner.map((k) => ({ kommuneId: k.id, kommuneName: k.name, percent: 10 }));
    case 'milestones':
      return [{ title: 'Forprosjektet avsluttes', date: addMonths(todayOslo(), 10) }];
    case 'roles':
      return [{ role: 'Prosjektleder', name: 'Pia Prosjektleder' }];
    default:
      return 'Utarbeidet av prosjektgruppen og drøftet i styringsgruppen.';
  }
}

/**
 * The leader's package: every forstudie deliverable written (a draft with text goes in with the
 * package), the forprosjekt plan complete in the plan editor with a budget asking the kommuner for
 * money, and the checkpoints ticked.
 */
async function preparePackage(api: Api, projectId: string) {
  const project = await api.get<{
    kommuner: { id: string; name: string }[];
    phases: { key: string; deliverables: { id: string; key: string | null; version: number; state: string }[] }[];
  }>(`/api/projects/${projectId}`);
  const forstudie = project.phases.find((p) => p.key === 'forstudie');
  const planKey = phaseSpec('forstudie').deliverables.find((d) => d.nextPhasePlan)?.key;
  for (const d of forstudie?.deliverables ?? []) {
    if (d.key === planKey || d.state !== 'draft') continue;
    await api.send('PATCH', `/api/projects/${projectId}/deliverables/${d.id}`, {
      content: 'Bedriftene i Glåmdal ønsker én dør inn til kommunene.',
      version: d.version,
    });
  }

  const planUrl = `/api/projects/${projectId}/phases/forprosjekt/plan`;
  const plan = await api.get<{ version: number; template: { sections: { key: string; fields: TemplateField[] }[] } }>(planUrl);
  const content: Record<string, Record<string, unknown>> = {};
  for (const s of plan.template.sections) {
    for (const f of s.fields.filter((x) => x.required)) (content[s.key] ??= {})[f.key] = fieldValue(f.kind, project.kommuner);
  }
  const saved = await api.send<{ version: number }>('PATCH', planUrl, { version: plan.version, content });
  const year = Number(todayOslo().slice(0, 4)) + 1;
  await api.send('PUT', `${planUrl}/budget`, {
    version: saved.version,
    lines: [
      { kind: 'cost', category: 'project_management', year, description: 'Prosjektleder', amount: 700000 },
      { kind: 'financing', category: 'innovasjon_norge', year, description: 'Tilskudd', amount: 350000 },
      { kind: 'financing', category: 'kommuner_direct', year, description: 'Kommunenes andel', amount: 350000 },
    ],
  });
  for (const c of phaseSpec('forstudie').checkpoints) {
    await api.send('PUT', `/api/projects/${projectId}/phases/forstudie/gate/checkpoints/${c.key}`, {
      checked: true,
      comment: 'Behandlet.',
    });
  }
}

/** What the send-back asked for: the final report rewritten, the next phase's budget with travel costs. */
async function redo(api: Api, projectId: string) {
  const project = await api.get<{ phases: { key: string; deliverables: { id: string; key: string | null; version: number }[] }[] }>(
    `/api/projects/${projectId}`,
  );
  const report = project.phases.find((p) => p.key === 'forstudie')?.deliverables.find((d) => d.key === 'final_report_forstudie');
  if (!report) throw new Error('no final report');
  await api.send('PATCH', `/api/projects/${projectId}/deliverables/${report.id}`, {
    content: 'Svarene per kommune: Kongsvinger 12 bedrifter, Grue 4, Åsnes 6, Våler 3, Eidskog 5, Sør-Odal 4, Nord-Odal 3.',
    version: report.version,
  });
  // Sent back, the report is returned: revised, it goes to the regionråd again.
  await api.send('POST', `/api/projects/${projectId}/deliverables/${report.id}/submit`);
  const planUrl = `/api/projects/${projectId}/phases/forprosjekt/plan`;
  const plan = await api.get<{ version: number }>(planUrl);
  const year = Number(todayOslo().slice(0, 4)) + 1;
  await api.send('PUT', `${planUrl}/budget`, {
    version: plan.version,
    lines: [
      { kind: 'cost', category: 'project_management', year, description: 'Prosjektleder', amount: 700000 },
      { kind: 'cost', category: 'meetings_travel', year, description: 'Reiser', amount: 50000 },
      { kind: 'financing', category: 'innovasjon_norge', year, description: 'Tilskudd', amount: 375000 },
      { kind: 'financing', category: 'kommuner_direct', year, description: 'Kommunenes andel', amount: 375000 },
    ],
  });
  // The budget belongs to the plan, which was returned with it: the plan goes in again when it is done.
  const planDeliverable = project.phases.find((p) => p.key === 'forstudie')?.deliverables.find((d) => d.key === 'plan_forprosjekt');
  if (!planDeliverable) throw new Error('no plan deliverable');
  await api.send('POST', `/api/projects/${projectId}/deliverables/${planDeliverable.id}/submit`);
}
