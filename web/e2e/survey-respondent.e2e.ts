import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, logOut } from './support/session';

jest.setTimeout(90_000);

interface SurveyJson {
  id: string;
  version: number;
  questions: { key: string }[];
  links: { token: string }[];
}

/** A respondent answers a survey's public link on a phone: no account, no cookie, in nynorsk. */
describe('the public survey form on a phone', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let surveyId: string;
  let token: string;
  let closedToken: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await page.setViewportSize({ width: 390, height: 844 });

    // The demo leader builds the survey through the API: the business survey, a number question added, opened, a link for one kommune.
    await logIn(page, server.baseUrl, 'prosjektleder@demo.no');
    const api = await apiAs(page, server.baseUrl);
    const projects = await api.get<{ id: string; name: string }[]>('/api/projects');
    const project = projects.find((p) => p.name === 'Næringsvennlig Glåmdal');
    if (!project) throw new Error('The demo project Næringsvennlig Glåmdal is missing');
    const { kommuner } = await api.get<{ kommuner: { id: string; name: string }[] }>(`/api/projects/${project.id}`);
    const kongsvinger = kommuner.find((k) => k.name === 'Kongsvinger') ?? kommuner[0];
    const surveys = `/api/projects/${project.id}/surveys`;

    const created = await api.send<SurveyJson>('POST', surveys, {
      templateKey: 'business_survey',
      title: 'Bedriftsundersøkelse i Glåmdal',
    });
    surveyId = created.id;
    const edited = await api.send<SurveyJson>('PATCH', `${surveys}/${surveyId}`, {
      version: created.version,
      intro: 'Vi vil vite hva bedriftene trenger fra kommunene.',
      privacyNotice: 'Resultatene brukes i forstudien.',
      questions: [
        ...created.questions,
        {
          key: 'founded',
          kind: 'number',
          text: {
            nb: 'Hvilket år ble bedriften etablert?',
            nn: 'Kva år vart verksemda etablert?',
            en: 'In which year was the business founded?',
          },
          required: false,
          min: 1800,
          max: 2100,
        },
        // Bokmål only: read in bokmål on a nynorsk or English page. No lower bound, so the answer may be negative.
        {
          key: 'staff_change',
          kind: 'number',
          text: { nb: 'Hvor mange flere ansatte har bedriften enn for ett år siden?' },
          required: false,
        },
      ],
    });
    expect(edited.questions.map((q) => q.key)).toEqual(expect.arrayContaining(['founded', 'staff_change']));
    await api.send('POST', `${surveys}/${surveyId}/open`, {});
    token = (await api.send<{ token: string }>('POST', `${surveys}/${surveyId}/links`, { kommuneId: kongsvinger.id })).token;

    // A second survey, opened and closed again: its link answers "closed".
    const other = await api.send<SurveyJson>('POST', surveys, { templateKey: 'first_line_survey' });
    await api.send('POST', `${surveys}/${other.id}/open`, {});
    closedToken = (await api.send<{ token: string }>('POST', `${surveys}/${other.id}/links`, {})).token;
    await api.send('POST', `${surveys}/${other.id}/close`, {});

    // From here on the browser is a respondent's: nothing left from the leader's visit to the app.
    await logOut(page);
    await page.evaluate(() => {
      window.localStorage.clear();
      window.sessionStorage.clear();
    });
    await browser.context.clearCookies();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const focusedElement = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el ? { tag: el.tagName.toLowerCase(), id: el.id, className: el.className, text: (el.textContent ?? '').trim() } : null;
    });

  it('shows the survey with its privacy notice before the questions, without horizontal scrolling; passes axe', async () => {
    await page.goto(`${server.baseUrl}/s/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Bedriftsundersøkelse i Glåmdal' }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByText('Vi vil vite hva bedriftene trenger fra kommunene.').waitFor();
    await page.getByText('Svarene fra denne lenken telles for Kongsvinger.').waitFor();
    const privacy = page.getByRole('region', { name: 'Personvern' });
    await privacy.getByText('Glåmdalsregionen er ansvarlig for undersøkelsen og svarene.').waitFor();
    await privacy.getByText(/Vi lagrer ikke IP-adresse, informasjonskapsler \(cookies\) eller brukerkonto/).waitFor();
    await privacy.getByText('Resultatene brukes i forstudien.').waitFor();
    // The privacy notice comes before the first question.
    const order = await page.evaluate(() => {
      const privacyBox = document.querySelector('.privacy');
      const firstQuestion = document.querySelector('.question');
      return privacyBox && firstQuestion ? privacyBox.compareDocumentPosition(firstQuestion) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    await page.getByRole('group', { name: /1\. Hvilken rolle har du i bedriften\? \(må besvares\)/ }).waitFor();
    await page.getByRole('spinbutton', { name: /Hvilket år ble bedriften etablert\?/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // Touch targets: every option row and button is at least 44 px high.
    const heights = await page.$$eval('.option, button', (elements) => elements.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    // The honeypot is out of sight and out of reach.
    const honeypot = page.locator('#website');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.isVisible()).toBe(true); // rendered (for robots) but off-screen
    expect(await honeypot.evaluate((e) => e.getBoundingClientRect().right <= 0)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('switches to nynorsk: the page language, the words and the questions follow', async () => {
    await page.getByRole('checkbox', { name: 'Næringsarealer' }).check();
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await page.getByRole('heading', { level: 2, name: 'Spørsmål' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    expect(await page.getByRole('button', { name: 'Nynorsk' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('group', { name: /1\. Kva rolle har du i verksemda\? \(må svarast på\)/ }).waitFor();
    await page.getByText('Svara frå denne lenkja vert talde for Kongsvinger.').waitFor();
    // What was chosen before the switch is still chosen.
    expect(await page.getByRole('checkbox', { name: 'Næringsareal' }).isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('refuses a missing required answer and too many choices before sending: the summary takes focus and links to the fields', async () => {
    await page.getByRole('radio', { name: '4–10' }).check();
    for (const option of ['Byggjesakshandsaming', 'Dialog med kommunen', 'Kompetanse']) {
      await page.getByRole('checkbox', { name: option }).check();
    }
    await page.getByRole('button', { name: 'Send svara' }).click();
    const summary = page.getByRole('group', { name: 'Svara vart ikkje sende. Rett opp dette:' });
    await summary.waitFor();
    expect(await focusedElement()).toMatchObject({ className: expect.stringContaining('message') });
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      'Kva rolle har du i verksemda?: Vel eit svar.',
      'Kva er viktigast for at kommunen skal bli meir næringsvenleg? Vel inntil tre.: Vel høgst 3.',
    ]);
    expect(await page.locator('#q-role-0').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.locator('fieldset:has(#q-role-0)').getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain('q-role-error');
    expect(await page.locator('#q-role-error').innerText()).toBe('Vel eit svar.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await links.first().click();
    expect(await focusedElement()).toMatchObject({ id: 'q-role-0' });
  });

  it('sends the corrected answers and thanks the respondent, storing no cookie', async () => {
    await page.getByRole('radio', { name: 'Eigar eller dagleg leiar' }).check();
    await page.getByRole('checkbox', { name: 'Kompetanse' }).uncheck();
    await page.getByRole('radio', { name: /^4$/ }).first().check();
    await page.getByRole('spinbutton', { name: /Kva år vart verksemda etablert\?/ }).fill('1990');
    const comments = page.getByRole('textbox', { name: /Er det noko anna du vil seie/ });
    await comments.fill('Raskare svar på byggjesaker.');
    await page.getByText('3 972 teikn att av 4 000.').waitFor();
    await page.getByRole('button', { name: 'Send svara' }).click();

    const thanks = page.getByRole('heading', { level: 1, name: 'Takk for svaret!' });
    await thanks.waitFor();
    expect(await focusedElement()).toMatchObject({ tag: 'h1', text: 'Takk for svaret!' });
    expect(await browser.context.cookies()).toEqual([]);
    expect(await page.evaluate(() => window.localStorage.length + window.sessionStorage.length)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const stored = await server.app
      .get(DataSource)
      .query<{ answers: Record<string, unknown> }[]>(`SELECT answers FROM survey_response WHERE survey_id = $1`, [surveyId]);
    expect(stored).toHaveLength(1);
    expect(stored[0].answers).toEqual({
      role: 'owner_manager',
      employees: 'employees_4_10',
      infrastructure_planning: 4,
      most_important_needs: ['business_land', 'building_permits', 'dialogue'],
      comments: 'Raskare svar på byggjesaker.',
      founded: 1990,
    });
  });

  it('marks the bokmål that stands in for a missing translation with lang="nb", and keeps the minus sign on the keypad', async () => {
    await page.goto(`${server.baseUrl}/s/${token}?lang=en`);
    await page.getByRole('heading', { level: 2, name: 'Questions' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // The title, intro and privacy notice are written in bokmål only.
    expect(await page.getByRole('heading', { level: 1, name: 'Bedriftsundersøkelse i Glåmdal' }).getAttribute('lang')).toBe('nb');
    expect(await page.getByText('Vi vil vite hva bedriftene trenger fra kommunene.').getAttribute('lang')).toBe('nb');
    expect(await page.getByText('Resultatene brukes i forstudien.').getAttribute('lang')).toBe('nb');
    // A translated question is in the page's language; one without English is read in bokmål and marked so.
    await page.getByRole('group', { name: /1\. What is your role in the business\? \(required\)/ }).waitFor();
    expect(await page.locator('fieldset:has(#q-role-0) [lang]').count()).toBe(0);
    const founded = page.getByRole('spinbutton', { name: /In which year was the business founded\?/ });
    const staffChange = page.getByRole('spinbutton', { name: /Hvor mange flere ansatte har bedriften enn for ett år siden\?/ });
    expect(await page.locator('label[for="q-staff_change"] [lang="nb"]').innerText()).toBe(
      'Hvor mange flere ansatte har bedriften enn for ett år siden?',
    );
    expect(await page.locator('label[for="q-founded"] [lang]').count()).toBe(0);
    // The numeric keypad has no minus sign: only for a number that cannot be negative.
    expect(await founded.getAttribute('inputmode')).toBe('numeric');
    expect(await staffChange.getAttribute('inputmode')).toBeNull();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Without JavaScript the page is not blank: it says JavaScript is needed, in all three languages.
    const noscript = await page.evaluate(async () => {
      const html = await (await fetch(location.pathname)).text();
      // DOMParser parses with scripting off, so <noscript> holds elements as a browser without JavaScript sees them.
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      return Array.from(parsed.querySelectorAll('noscript p'), (p) => ({ lang: p.lang, text: p.textContent ?? '' }));
    });
    expect(noscript.map((p) => p.lang)).toEqual(['nb', 'nn', 'en']);
    expect(noscript.map((p) => p.text)).toEqual([
      expect.stringContaining('trenger JavaScript'),
      expect.stringContaining('treng JavaScript'),
      expect.stringContaining('needs JavaScript'),
    ]);
  });

  it('keeps the answers when sending fails, and says why (network, rate limit, server checks, changed and closed survey)', async () => {
    await page.goto(`${server.baseUrl}/s/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Bedriftsundersøkelse i Glåmdal' }).waitFor();
    const owner = page.getByRole('radio', { name: 'Eier eller daglig leder' });
    await owner.check();
    await page.getByRole('radio', { name: '1–3' }).check();
    const send = page.getByRole('button', { name: 'Send svarene' });
    const answerWith = async (status: number, body: object) => {
      await page.unroute('**/responses');
      await page.route('**/responses', (route) =>
        route.fulfill({ status, contentType: 'application/json', body: JSON.stringify({ statusCode: status, ...body }) }),
      );
      await send.click();
    };

    await page.route('**/responses', (route) => route.abort());
    await send.click();
    await page
      .getByText('Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen. Svarene dine er fortsatt her.')
      .waitFor();
    expect(await focusedElement()).toMatchObject({ className: expect.stringContaining('message') });
    expect(await owner.isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await answerWith(429, { code: 'RATE_LIMITED', message: 'Too many' });
    await page.getByText(/Det er sendt for mange svar fra dette nettverket akkurat nå/).waitFor();

    await answerWith(422, {
      code: 'SURVEY_ANSWERS_INVALID',
      message: 'Invalid',
      errors: [{ field: 'answers.employees', messages: ['unknown_option'] }],
    });
    await page
      .getByRole('group', { name: 'Svarene ble ikke sendt. Rett opp dette:' })
      .getByRole('link', { name: 'Hvor mange ansatte har bedriften?: Velg et av alternativene.' })
      .waitFor();
    expect(await page.locator('#q-employees-0').getAttribute('aria-invalid')).toBe('true');

    await answerWith(409, { code: 'SURVEY_CHANGED', message: 'Changed' });
    await page.getByRole('button', { name: 'Last inn undersøkelsen på nytt' }).click();
    await page.getByText('Undersøkelsen er lastet inn på nytt. Se over svarene og send dem.').waitFor();
    expect(await owner.isChecked()).toBe(true);

    await answerWith(410, { code: 'SURVEY_CLOSED', message: 'Closed' });
    await page.getByRole('heading', { level: 1, name: 'Undersøkelsen er stengt' }).waitFor();
    expect(await focusedElement()).toMatchObject({ tag: 'h1' });
    await page.unroute('**/responses');
  });

  it('says so when the survey is closed, and when the link is not valid', async () => {
    await page.goto(`${server.baseUrl}/s/${closedToken}`);
    await page.getByRole('heading', { level: 1, name: 'Undersøkelsen er stengt' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${server.baseUrl}/s/${'x'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Lenken er ikke gyldig' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'The link is not valid' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});
