import type { Page } from 'playwright-core';
import type { SurveyAnswers, SurveyQuestion } from '@nvr/shared';
import { startAppServer } from './support/app-server';
import { downloadedText, launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, mainText, type Api } from './support/session';

/**
 * The project leader's survey journey: from the project page to Kartlegging, a survey from the
 * business-needs template, one question edited, opened, a link made; respondents answer through the
 * public API; the leader reads the results (table and share text), the cross-tabulation by kommune hides
 * small groups, and downloads the tables as CSV. Axe on every page.
 */
jest.setTimeout(120_000);

interface SurveyLinkBody {
  id: string;
  token: string;
  url: string;
  kommuneId: string | null;
  disabledAt: string | null;
}
interface SurveyBody {
  id: string;
  questions: SurveyQuestion[];
  definitionVersion: number;
  links: SurveyLinkBody[];
}

/** A valid answer set: every question answered, single choice with the option at `pick` (modulo), others the first. */
function answersFor(questions: SurveyQuestion[], pick: number): SurveyAnswers {
  const answers: SurveyAnswers = {};
  for (const [i, q] of questions.entries()) {
    const options = q.options ?? [];
    if (q.kind === 'single') answers[q.key] = options[i === 0 ? 0 : pick % options.length].key;
    else if (q.kind === 'multiple') answers[q.key] = [options[0].key];
    else if (q.kind === 'scale') answers[q.key] = 1 + (pick % 5);
    else if (q.kind === 'number') answers[q.key] = Math.max(q.min ?? 1, Math.min(q.max ?? 10, 5));
    else answers[q.key] = `Svar ${pick}: godt samarbeid med kommunen.`;
  }
  return answers;
}

/** One respondent answering through the public API, with no account (plain fetch from Node, as a browser without cookies). */
async function answer(baseUrl: string, token: string, survey: SurveyBody, pick: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/public/surveys/${token}/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ answers: answersFor(survey.questions, pick), definitionVersion: survey.definitionVersion }),
  });
  if (response.status !== 201) throw new Error(`answer: ${response.status} ${await response.text()}`);
}

describe('the project leader runs a survey and reads its results', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let api: Api;
  let projectId: string;
  let kommuner: { id: string; name: string }[];
  let surveyId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    api = await apiAs(page, server.baseUrl);
    const projects = await api.get<{ id: string; name: string }[]>('/api/projects');
    projectId = projects.find((p) => p.name === 'Næringsvennlig Glåmdal')!.id;
    kommuner = (await api.get<{ kommuner: { id: string; name: string }[] }>(`/api/projects/${projectId}`)).kommuner;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens Kartlegging from the project page; it passes axe', async () => {
    await page.goto(`${server.baseUrl}/prosjekter/${projectId}`);
    await page.getByRole('link', { name: 'Kartlegging', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kartlegging' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Spørreundersøkelser' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('creates a survey from the business-needs template and edits one question; it passes axe', async () => {
    const templates = await api.get<{ key: string; kind: string; title: { nb: string } }[]>('/api/templates');
    const template = templates.find((t) => t.key === 'business_survey')!;
    await page.getByRole('button', { name: 'Ny spørreundersøkelse' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny spørreundersøkelse' });
    await dialog.getByLabel('Mal', { exact: true }).selectOption({ label: template.title.nb });
    await dialog.getByLabel('Tittel (valgfritt)').fill('Næringslivets behov i Glåmdal 2026');
    await dialog.getByRole('button', { name: 'Lag undersøkelsen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Næringslivets behov i Glåmdal 2026' }).waitFor();
    surveyId = new URL(page.url()).pathname.split('/').pop()!;

    const first = page.getByLabel('Spørsmålstekst (bokmål)').first();
    const before = await first.inputValue();
    await first.fill(`${before} (oppdatert)`);
    await page.getByRole('button', { name: 'Lagre undersøkelsen' }).click();
    await page.getByText('Undersøkelsen er lagret.').waitFor();
    const saved = await api.get<SurveyBody>(`/api/projects/${projectId}/surveys/${surveyId}`);
    expect(saved.questions[0].text.nb).toBe(`${before} (oppdatert)`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Moving a question keeps the keyboard focus on the moved question's button, and says where it went.
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.locator('#question-0-down').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Spørsmålet er flyttet ned til plass 2.').waitFor({ state: 'attached' });
    expect(await focused()).toBe('question-1-down');
    expect(await page.getByLabel('Spørsmålstekst (bokmål)').nth(1).inputValue()).toBe(`${before} (oppdatert)`);
    await page.locator('#question-1-up').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('question-0-down');
    expect(await first.inputValue()).toBe(`${before} (oppdatert)`);
  });

  it('opens the survey and creates the general link, shown with its address', async () => {
    await page.getByRole('button', { name: 'Åpne for svar nå' }).click();
    await page.getByText('Undersøkelsen er åpen for svar.').waitFor();
    await page.getByLabel('Ny lenke for').selectOption({ label: 'Felles lenke' });
    await page.getByRole('button', { name: 'Lag lenke' }).click();
    const row = page.getByRole('row', { name: /Felles lenke/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('reads the results: the total, a table with Norwegian shares, suppressed groups by kommune; it passes axe', async () => {
    // Two kommune links besides the general one: 6 answers from the first kommune, 2 from the second, 5 with no kommune.
    for (const k of kommuner.slice(0, 2))
      await api.send('POST', `/api/projects/${projectId}/surveys/${surveyId}/links`, { kommuneId: k.id });
    const survey = await api.get<SurveyBody>(`/api/projects/${projectId}/surveys/${surveyId}`);
    const token = (kommuneId: string | null) => survey.links.find((l) => !l.disabledAt && l.kommuneId === kommuneId)!.token;
    const plan: [string | null, number][] = [
      [kommuner[0].id, 6],
      [kommuner[1].id, 2],
      [null, 5],
    ];
    let n = 0;
    for (const [kommuneId, count] of plan) for (let i = 0; i < count; i++) await answer(server.baseUrl, token(kommuneId), survey, n++);

    await page.reload();
    await page.getByRole('link', { name: /Se resultatene/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Resultater: Næringslivets behov i Glåmdal 2026' }).waitFor();
    expect(await mainText(page)).toContain('13 svar totalt.');
    // Everyone chose the first option of the first question: 100 % of 13, written the Norwegian way.
    const firstTable = page.getByRole('table').first();
    expect(await firstTable.innerText()).toContain('100,0 % (13)');
    expect(await mainText(page)).toMatch(/\d+,\d % \(\d+\)/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Fordelt på').selectOption({ label: 'Kommune' });
    const crossTab = page.getByRole('table', { name: /fordelt på Kommune/ });
    await crossTab.waitFor();
    await crossTab.getByRole('columnheader', { name: new RegExp(kommuner[0].name) }).waitFor();
    const text = await crossTab.innerText();
    expect(text).toContain('–');
    expect(text).toContain('(n = 6)');
    expect(text).not.toContain('(n = 2)');
    expect(await mainText(page)).toContain('Grupper med færre enn 5 svar er skjult, og én gruppe til der den ellers kunne regnes ut.');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('imports answers from a CSV file: every bad row with its reason, then all or nothing; it passes axe', async () => {
    const survey = await api.get<SurveyBody>(`/api/projects/${projectId}/surveys/${surveyId}`);
    const keys = survey.questions.map((q) => q.key);
    const cell = (value: SurveyAnswers[string] | undefined) =>
      value === undefined ? '' : Array.isArray(value) ? value.join(',') : String(value);
    const csv = (rows: SurveyAnswers[]) =>
      [keys.join(';'), ...rows.map((answers) => keys.map((k) => cell(answers[k])).join(';'))].join('\r\n') + '\r\n';
    const good = [answersFor(survey.questions, 101), answersFor(survey.questions, 102)];
    const bad = [good[0], { ...good[1], [keys[0]]: 'finnes_ikke' }];

    await page.getByRole('button', { name: 'Importer svar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer svar fra fil' });
    const file = dialog.getByLabel('Fil (CSV eller XLSX)');
    await file.setInputFiles({ name: 'questback.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(bad), 'utf8') });
    await dialog.getByRole('button', { name: 'Kontroller filen' }).click();
    const problems = dialog.getByRole('table', { name: 'Rader som ikke passer' });
    await problems.waitFor();
    // The header is row 1, so the second answer is row 3.
    expect(await problems.locator('tbody tr').first().locator('td').first().innerText()).toBe('3');
    expect(await dialog.getByRole('button', { name: 'Importer alle' }).isDisabled()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await file.setInputFiles({ name: 'questback.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(good), 'utf8') });
    await dialog.getByRole('button', { name: 'Kontroller filen' }).click();
    await dialog.getByText('Alle 2 radene passer. Du kan importere.').waitFor();
    await dialog.getByRole('button', { name: 'Importer alle' }).click();
    await dialog.getByText('2 svar er importert.').waitFor();
    await dialog.getByRole('button', { name: 'Lukk', exact: true }).click();
    await page.getByText('15 svar totalt.').waitFor();
  });

  it('redacts a free-text answer after a confirmation', async () => {
    await page
      .getByRole('button', { name: /^Fjern svaret svar 1 på/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Fjerne fritekstsvaret?' });
    const text = await dialog.locator('blockquote').innerText();
    expect(text).toMatch(/^Svar \d+: godt samarbeid med kommunen\.$/);
    expect(await mainText(page)).toContain(text);
    await dialog.getByRole('button', { name: 'Fjern svaret', exact: true }).click();
    await page.getByText('Svaret er fjernet.').first().waitFor();
    // The confirmation shows when the server has answered; the results are read again after it.
    await page.waitForFunction((gone) => !(document.querySelector('main') as HTMLElement | null)?.innerText.includes(gone), text);
    expect(await page.locator('main').innerText()).not.toContain(text);
  });

  it('downloads the tables as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned tabellene som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await downloadedText(download);
    expect(csv.length).toBeGreaterThan(0);
    expect(csv).toContain(';');
  });
});
