import type { Lang } from '../../../shared/src/plp';
import { SCALE_MAX, SCALE_MIN, SURVEY_LIMITS, type AnswerProblem, type SurveyQuestion, type SurveyText } from '../../../shared/src/survey';
import { h, ids } from './dom';
import { fill, formatNumber, type Words } from './words';

/** What a respondent has entered for one question, as the controls hold it (numbers still as typed). */
export type RawValue = string | string[];
export type RawAnswers = Record<string, RawValue>;

/** The leader's text in the reader's language, or in bokmål (`lang: 'nb'`) when that language has none. */
export function localText(text: SurveyText, lang: Lang): { text: string; lang: Lang } {
  const own = text[lang];
  return own && own.trim() ? { text: own, lang } : { text: text.nb, lang: 'nb' };
}

/**
 * The leader's text for a page in `lang`: plain text, or a span with lang="nb" when it fell back to bokmål,
 * so a screen reader reads it with a Norwegian voice (WCAG 3.1.2).
 */
export function say(text: SurveyText, lang: Lang): string | HTMLSpanElement {
  const local = localText(text, lang);
  return local.lang === lang ? local.text : h('span', { lang: local.lang }, local.text);
}

const fieldId = (q: SurveyQuestion) => `q-${q.key}`;
const errorId = (q: SurveyQuestion) => `q-${q.key}-error`;
const hintId = (q: SurveyQuestion) => `q-${q.key}-hint`;

/** The id of the control the error summary links to: the field itself, or the first option of a group. */
export function targetId(q: SurveyQuestion): string {
  return q.kind === 'number' || q.kind === 'text' ? fieldId(q) : `${fieldId(q)}-0`;
}

function numberBounds(q: SurveyQuestion): { min: number; max: number } {
  if (q.kind === 'scale') return { min: SCALE_MIN, max: SCALE_MAX };
  return { min: q.min ?? SURVEY_LIMITS.numberMin, max: q.max ?? SURVEY_LIMITS.numberMax };
}

/** The sentence that tells the respondent how to put a problem right. */
export function problemMessage(q: SurveyQuestion | undefined, problem: AnswerProblem, w: Words, lang: Lang): string {
  const p = w.problems;
  const n = (value: number) => formatNumber(value, lang);
  switch (problem.code) {
    case 'required':
      if (!q) return p.required;
      if (q.kind === 'multiple') return p.requiredMultiple;
      if (q.kind === 'number') return p.requiredNumber;
      if (q.kind === 'text') return p.requiredText;
      return p.requiredChoice;
    case 'wrong_type':
      return q?.kind === 'number' ? p.wrongNumber : p.wrong_type;
    case 'too_many_choices':
      return fill(p.too_many_choices, { count: n(q?.maxChoices ?? problem.limit ?? 1) });
    case 'too_long':
      return fill(p.too_long, { count: n(SURVEY_LIMITS.answerTextLength) });
    case 'out_of_range': {
      if (!q) return p.wrong_type;
      const { min, max } = numberBounds(q);
      if (q.kind === 'number' && q.min === undefined) return fill(p.outOfRangeMax, { max: n(max) });
      if (q.kind === 'number' && q.max === undefined) return fill(p.outOfRangeMin, { min: n(min) });
      return fill(p.out_of_range, { min: n(min), max: n(max) });
    }
    default:
      return p[problem.code];
  }
}

function numberHint(q: SurveyQuestion, w: Words, lang: Lang): string {
  const n = (value: number) => formatNumber(value, lang);
  if (q.min !== undefined && q.max !== undefined) return fill(w.numberRange, { min: n(q.min), max: n(q.max) });
  if (q.min !== undefined) return fill(w.numberMin, { min: n(q.min) });
  if (q.max !== undefined) return fill(w.numberMax, { max: n(q.max) });
  return w.numberWhole;
}

export interface QuestionView {
  question: SurveyQuestion;
  number: number;
  value: RawValue | undefined;
  error: string | undefined;
  lang: Lang;
  words: Words;
}

/** The question's text, its number and the "required" mark, for a legend or a label. */
function caption(v: QuestionView): (Node | string)[] {
  const { question: q, words: w, lang } = v;
  return [
    h('span', { class: 'question__number' }, `${v.number}.`),
    ' ',
    say(q.text, lang),
    ...(q.required ? [' ', h('span', { class: 'question__required' }, `(${w.required})`)] : []),
  ];
}

function hintLines(v: QuestionView): (string | HTMLSpanElement)[] {
  const { question: q, words: w, lang } = v;
  const lines: (string | HTMLSpanElement)[] = [];
  if (q.help && localText(q.help, lang).text.trim()) lines.push(say(q.help, lang));
  if (q.kind === 'multiple') lines.push(q.maxChoices ? fill(w.chooseUpTo, { count: formatNumber(q.maxChoices, lang) }) : w.chooseAny);
  if (q.kind === 'scale' && !q.scaleLabels) lines.push(w.scaleHintPlain);
  if (q.kind === 'number') lines.push(numberHint(q, w, lang));
  return lines;
}

function hintAndError(v: QuestionView): { nodes: HTMLElement[]; describedBy: string | undefined } {
  const q = v.question;
  const lines = hintLines(v);
  const hint =
    lines.length > 0
      ? h(
          'p',
          { class: 'question__hint', id: hintId(q) },
          lines.flatMap((line, i) => (i > 0 ? [' ', line] : [line])),
        )
      : null;
  const error = v.error ? h('p', { class: 'question__error', id: errorId(q) }, v.error) : null;
  return {
    nodes: [hint, error].filter((node): node is HTMLParagraphElement => node !== null),
    describedBy: ids(hint && hintId(q), error && errorId(q)),
  };
}

function choiceGroup(v: QuestionView): HTMLElement {
  const { question: q, lang } = v;
  const type = q.kind === 'multiple' ? 'checkbox' : 'radio';
  const chosen = Array.isArray(v.value) ? v.value : v.value === undefined ? [] : [v.value];
  const { nodes, describedBy } = hintAndError(v);
  const choices: { value: string; label: (Node | string)[] }[] =
    q.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((value) => {
          const end = value === SCALE_MIN ? q.scaleLabels?.min : value === SCALE_MAX ? q.scaleLabels?.max : undefined;
          return {
            value: String(value),
            label: [
              h('span', { class: 'scale__value' }, String(value)),
              ...(end ? [' ', h('span', { class: 'scale__end' }, say(end, lang))] : []),
            ],
          };
        })
      : (q.options ?? []).map((option) => ({ value: option.key, label: [say(option.label, lang)] }));
  return h(
    'fieldset',
    { class: `question question--${q.kind}`, 'aria-describedby': describedBy },
    h('legend', { class: 'question__text' }, ...caption(v)),
    ...nodes,
    h(
      'div',
      { class: q.kind === 'scale' ? 'options options--scale' : 'options' },
      choices.map((choice, index) =>
        h(
          'label',
          { class: 'option' },
          h('input', {
            type,
            name: fieldId(q),
            id: `${fieldId(q)}-${index}`,
            value: choice.value,
            checked: chosen.includes(choice.value),
            'aria-invalid': v.error ? 'true' : undefined,
          }),
          h('span', { class: 'option__label' }, ...choice.label),
        ),
      ),
    ),
  );
}

function numberField(v: QuestionView): HTMLElement {
  const q = v.question;
  const { nodes, describedBy } = hintAndError(v);
  const input = h('input', {
    type: 'number',
    // The numeric keypad on phones (iOS) has no minus sign: only when the answer cannot be negative.
    inputmode: q.min !== undefined && q.min >= 0 ? 'numeric' : undefined,
    step: 1,
    min: q.min,
    max: q.max,
    id: fieldId(q),
    name: fieldId(q),
    class: 'input input--number',
    autocomplete: 'off',
    'aria-describedby': describedBy,
    'aria-invalid': v.error ? 'true' : undefined,
    'aria-required': q.required ? 'true' : undefined,
  });
  input.value = typeof v.value === 'string' ? v.value : '';
  return h(
    'div',
    { class: 'question question--number' },
    h('label', { class: 'question__text', for: fieldId(q) }, ...caption(v)),
    ...nodes,
    input,
  );
}

function textField(v: QuestionView): HTMLElement {
  const { question: q, words: w, lang } = v;
  const max = SURVEY_LIMITS.answerTextLength;
  const counterId = `${fieldId(q)}-count`;
  const { nodes, describedBy } = hintAndError(v);
  const countText = (length: number) =>
    length <= max
      ? fill(w.charactersLeft, { count: formatNumber(max - length, lang), max: formatNumber(max, lang) })
      : fill(w.charactersOver, { count: formatNumber(length - max, lang) });
  const area = h('textarea', {
    id: fieldId(q),
    name: fieldId(q),
    class: 'input input--text',
    rows: 5,
    maxlength: max,
    'aria-describedby': ids(describedBy, counterId),
    'aria-invalid': v.error ? 'true' : undefined,
    'aria-required': q.required ? 'true' : undefined,
  });
  area.value = typeof v.value === 'string' ? v.value : '';
  // The visible count follows every key; screen readers hear it once the typing pauses.
  const counter = h('p', { class: 'question__counter', id: counterId, 'aria-hidden': 'true' }, countText(area.value.length));
  const announcer = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  area.addEventListener('input', () => {
    counter.textContent = countText(area.value.length);
    clearTimeout(timer);
    timer = setTimeout(() => (announcer.textContent = countText(area.value.length)), 1000);
  });
  return h(
    'div',
    { class: 'question question--text' },
    h('label', { class: 'question__text', for: fieldId(q) }, ...caption(v)),
    ...nodes,
    area,
    counter,
    announcer,
  );
}

export function renderQuestion(v: QuestionView): HTMLElement {
  switch (v.question.kind) {
    case 'number':
      return numberField(v);
    case 'text':
      return textField(v);
    default:
      return choiceGroup(v);
  }
}

/** Reads what the respondent has entered, and which number fields hold something that is not a number. */
export function readAnswers(form: HTMLFormElement, questions: readonly SurveyQuestion[]): { raw: RawAnswers; notNumbers: string[] } {
  const raw: RawAnswers = {};
  const notNumbers: string[] = [];
  for (const q of questions) {
    const name = fieldId(q);
    if (q.kind === 'number' || q.kind === 'text') {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        raw[q.key] = field.value;
        if (field instanceof HTMLInputElement && field.validity.badInput) notNumbers.push(q.key);
      }
    } else {
      const checked = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`), (input) => input.value);
      if (q.kind === 'multiple') raw[q.key] = checked;
      else if (checked.length > 0) raw[q.key] = checked[0];
    }
  }
  return { raw, notNumbers };
}

/** The answers as the API takes them: scale and number as numbers, unanswered questions left out. */
export function answersFrom(questions: readonly SurveyQuestion[], raw: RawAnswers): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const value = raw[q.key];
    if (value === undefined || value.length === 0) continue;
    if ((q.kind === 'scale' || q.kind === 'number') && typeof value === 'string') {
      const trimmed = value.trim();
      if (!trimmed) continue;
      const parsed = Number(trimmed);
      answers[q.key] = Number.isFinite(parsed) ? parsed : trimmed;
    } else {
      answers[q.key] = value;
    }
  }
  return answers;
}
