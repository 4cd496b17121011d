import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import './survey.css';
import type { Lang } from '../../../shared/src/plp';
import type { AnswerProblem, SurveyQuestion } from '../../../shared/src/survey';
import { validateAnswers } from '../../../shared/src/survey-validation';
import { loadSurvey, submitAnswers, type PublicSurvey } from './api';
import { h, paragraphs, present } from './dom';
import { answersFrom, problemMessage, readAnswers, renderQuestion, say, targetId, type RawAnswers } from './questions';
import { fill, formatDate, initialLang, LANGS, wordsFor, type Words } from './words';

/**
 * The public survey form at /s/:token: a respondent without an account reads the survey, answers and sends.
 * Nothing is stored in the browser (no cookies, no local storage): answers live in the page until sent.
 */

type View = 'loading' | 'form' | 'thanks' | 'not_found' | 'closed' | 'not_open' | 'load_failed';
type Notice = 'changed' | 'reloaded' | 'rateLimited' | 'networkError' | 'serverError';

interface State {
  token: string | null;
  lang: Lang;
  view: View;
  survey: PublicSurvey | null;
  raw: RawAnswers;
  problems: AnswerProblem[];
  notice: Notice | null;
  sending: boolean;
}

const state: State = {
  token: tokenFrom(location.pathname),
  lang: initialLang(location.search, navigator.languages ?? [navigator.language]),
  view: 'loading',
  survey: null,
  raw: {},
  problems: [],
  notice: null,
  sending: false,
};

/** The token from /s/<token>; anything that cannot be one is an invalid link without asking the server. */
function tokenFrom(path: string): string | null {
  const match = /^\/s\/([A-Za-z0-9_-]{16,128})\/?$/.exec(path);
  return match ? match[1] : null;
}

const words = (): Words => wordsFor(state.lang);

const siteName = h('p', { class: 'site-header__name' });
const languageGroup = h('div', { class: 'languages', role: 'group' });
const languageButtons = LANGS.map((lang) =>
  h('button', { type: 'button', class: 'languages__button', lang, onclick: () => switchLanguage(lang) }),
);
languageGroup.append(...languageButtons);
const main = h('main', { id: 'main', class: 'page' });

document.body.append(h('header', { class: 'site-header' }, h('div', { class: 'site-header__inner' }, siteName, languageGroup)), main);

function renderHeader(): void {
  const w = words();
  document.documentElement.lang = state.lang;
  siteName.textContent = w.siteName;
  languageGroup.setAttribute('aria-label', w.languageGroup);
  languageButtons.forEach((button, index) => {
    const lang = LANGS[index];
    button.textContent = w.languages[lang];
    button.setAttribute('aria-pressed', String(lang === state.lang));
  });
}

/** Redraws the page in the current state. `focus` moves the keyboard there afterwards (a new view, an error summary). */
function render(focus?: 'heading' | 'message'): void {
  renderHeader();
  const w = words();
  main.replaceChildren();
  switch (state.view) {
    case 'loading':
      document.title = w.siteName;
      main.append(h('p', { role: 'status', class: 'loading' }, w.loading));
      break;
    case 'form':
      renderForm();
      break;
    case 'load_failed':
      messagePage(
        w.loadFailed.title,
        w.loadFailed.body,
        h('button', { type: 'button', class: 'button', onclick: () => void load() }, w.loadFailed.retry),
      );
      break;
    case 'thanks':
      messagePage(w.thanks.title, w.thanks.body);
      break;
    case 'not_found':
      messagePage(w.notFound.title, w.notFound.body);
      break;
    case 'closed':
      messagePage(w.closed.title, w.closed.body);
      break;
    case 'not_open':
      messagePage(w.notOpen.title, w.notOpen.body);
      break;
  }
  if (focus === 'heading') main.querySelector<HTMLElement>('h1')?.focus();
  if (focus === 'message') main.querySelector<HTMLElement>('.message')?.focus();
}

function messagePage(title: string, body: string, action?: HTMLElement): void {
  document.title = `${title} – ${words().siteName}`;
  main.append(...present(h('h1', { tabindex: -1 }, title), h('p', { class: 'text' }, body), action));
}

function renderForm(): void {
  const survey = state.survey;
  if (!survey) return;
  const w = words();
  const lang = state.lang;
  document.title = fill(w.pageTitle, { title: survey.title });
  const byKey = new Map(survey.questions.map((q) => [q.key, q]));
  const problemOf = new Map<string, string>();
  for (const problem of state.problems) {
    if (!problemOf.has(problem.question)) problemOf.set(problem.question, problemMessage(byKey.get(problem.question), problem, w, lang));
  }
  const hasText = survey.questions.some((q) => q.kind === 'text');
  // The title, intro and privacy notice are written once, in bokmål: marked so on a nynorsk or English page (WCAG 3.1.2).
  const own = lang === 'nb' ? undefined : 'nb';

  const form = h(
    'form',
    { class: 'survey-form', novalidate: true, 'aria-labelledby': 'questions-heading', onsubmit: (event: Event) => void submit(event) },
    messageArea(survey.questions, problemOf),
    h('h2', { id: 'questions-heading' }, w.questionsHeading),
    survey.questions.some((q) => q.required) ? h('p', { class: 'text' }, w.requiredNote) : null,
    survey.questions.map((question, index) =>
      renderQuestion({ question, number: index + 1, value: state.raw[question.key], error: problemOf.get(question.key), lang, words: w }),
    ),
    // A field for robots: people never see it or reach it, screen readers skip it; the server drops answers that fill it.
    h(
      'div',
      { class: 'honeypot', 'aria-hidden': 'true' },
      h('label', { for: 'website' }, w.honeypot),
      h('input', { type: 'text', id: 'website', name: 'website', tabindex: -1, autocomplete: 'off' }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'button button--primary', 'aria-disabled': state.sending ? 'true' : undefined }, w.submit),
    ),
    h('p', { role: 'status', class: 'sending' }, state.sending ? w.sending : ''),
  );

  main.append(
    ...present(
      h('h1', { tabindex: -1, lang: own }, survey.title),
      ...paragraphs(survey.intro, own),
      survey.kommuneName ? h('p', { class: 'text' }, fill(w.kommune, { kommune: survey.kommuneName })) : null,
      survey.closesAt ? h('p', { class: 'text' }, fill(w.closesAt, { date: formatDate(survey.closesAt, lang) })) : null,
      h(
        'section',
        { class: 'privacy', 'aria-labelledby': 'privacy-heading' },
        h('h2', { id: 'privacy-heading' }, w.privacy.heading),
        h('p', { class: 'text' }, fill(w.privacy.responsible, { region: survey.regionName })),
        h('p', { class: 'text' }, w.privacy.anonymous),
        h('p', { class: 'text' }, w.privacy.use),
        ...paragraphs(survey.privacyNotice, own),
        hasText ? h('p', { class: 'text' }, w.privacy.noNames) : null,
      ),
      form,
    ),
  );
}

/** The error summary (links to each field) or a notice about the last attempt to send, at the top of the form. */
function messageArea(questions: readonly SurveyQuestion[], problemOf: Map<string, string>): HTMLElement | null {
  const w = words();
  if (problemOf.size > 0) {
    const items = questions
      .filter((q) => problemOf.has(q.key))
      .map((q) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: `#${targetId(q)}`, onclick: (event: Event) => goToField(event, targetId(q)) },
            say(q.text, state.lang),
            `: ${problemOf.get(q.key)}`,
          ),
        ),
      );
    const general = [...problemOf.keys()].filter((key) => !questions.some((q) => q.key === key));
    return h(
      'div',
      { class: 'message message--error', tabindex: -1, role: 'group', 'aria-labelledby': 'summary-heading' },
      h('h2', { id: 'summary-heading', class: 'message__heading' }, w.summaryHeading),
      h(
        'ul',
        {},
        items,
        general.map((key) => h('li', {}, problemOf.get(key) ?? '')),
      ),
    );
  }
  if (!state.notice) return null;
  if (state.notice === 'changed') {
    return h(
      'div',
      { class: 'message message--warning', tabindex: -1 },
      h('p', {}, w.changed.message),
      h('button', { type: 'button', class: 'button', onclick: () => void reload() }, w.changed.reload),
    );
  }
  const text = state.notice === 'reloaded' ? w.changed.reloaded : w[state.notice];
  return h(
    'div',
    { class: state.notice === 'reloaded' ? 'message message--info' : 'message message--error', tabindex: -1 },
    h('p', {}, text),
  );
}

function goToField(event: Event, id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.closest('.question')?.scrollIntoView({ block: 'start' });
}

function currentForm(): HTMLFormElement | null {
  return main.querySelector('form');
}

/** Keeps what the respondent has entered before the page is redrawn. */
function keepAnswers(): void {
  const form = currentForm();
  if (state.view === 'form' && state.survey && form) state.raw = readAnswers(form, state.survey.questions).raw;
}

function switchLanguage(lang: Lang): void {
  if (lang === state.lang) return;
  keepAnswers();
  state.lang = lang;
  render();
}

async function load(): Promise<void> {
  if (!state.token) {
    state.view = 'not_found';
    render();
    return;
  }
  state.view = 'loading';
  render();
  const result = await loadSurvey(state.token);
  if (result.kind === 'ok') {
    state.survey = result.survey;
    state.view = 'form';
  } else {
    state.view = result.kind === 'failed' ? 'load_failed' : result.kind;
  }
  render(result.kind === 'ok' ? undefined : 'heading');
}

/** After SURVEY_CHANGED: fetch the survey again, keeping the answers given so far. */
async function reload(): Promise<void> {
  if (!state.token) return;
  keepAnswers();
  const result = await loadSurvey(state.token);
  if (result.kind === 'ok') {
    state.survey = result.survey;
    state.problems = [];
    state.notice = 'reloaded';
    render('message');
  } else if (result.kind === 'failed') {
    state.notice = 'networkError';
    render('message');
  } else {
    state.view = result.kind;
    render('heading');
  }
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  const form = currentForm();
  const survey = state.survey;
  if (!form || !survey || !state.token || state.sending) return;
  const { raw, notNumbers } = readAnswers(form, survey.questions);
  state.raw = raw;
  state.notice = null;
  // The same rules as the server, so most problems are explained before anything is sent.
  const checked = validateAnswers(survey.questions, answersFrom(survey.questions, raw));
  const problems = [
    ...notNumbers.map((question): AnswerProblem => ({ question, code: 'wrong_type' })),
    ...checked.problems.filter((problem) => !notNumbers.includes(problem.question)),
  ];
  if (problems.length > 0) {
    state.problems = problems;
    render('message');
    return;
  }
  state.problems = [];
  const honeypot = form.elements.namedItem('website');
  state.sending = true;
  // Shown in place, so the keyboard stays on the button while the answers travel.
  form.querySelector('button[type="submit"]')?.setAttribute('aria-disabled', 'true');
  const sending = form.querySelector('.sending');
  if (sending) sending.textContent = words().sending;
  const result = await submitAnswers(state.token, {
    answers: checked.answers,
    definitionVersion: survey.definitionVersion,
    website: honeypot instanceof HTMLInputElement ? honeypot.value : '',
  });
  state.sending = false;
  switch (result.kind) {
    case 'received':
      state.raw = {};
      state.view = 'thanks';
      render('heading');
      return;
    case 'invalid':
      state.problems = result.problems;
      break;
    case 'changed':
      state.notice = 'changed';
      break;
    case 'rate_limited':
      state.notice = 'rateLimited';
      break;
    case 'network':
      state.notice = 'networkError';
      break;
    case 'failed':
      state.notice = 'serverError';
      break;
    default:
      state.view = result.kind;
      render('heading');
      return;
  }
  render('message');
}

void load();
