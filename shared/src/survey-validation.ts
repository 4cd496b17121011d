import {
  AnswerProblem,
  GROUPING_KINDS,
  NEED_CATEGORIES,
  QUESTION_KINDS,
  SCALE_MAX,
  SCALE_MIN,
  SURVEY_LIMITS,
  SurveyAnswer,
  SurveyAnswers,
  SurveyQuestion,
} from './survey';

/**
 * The rules a survey's definition and a respondent's answers must keep. The server checks both before it
 * stores anything; the editor and the public form use the same rules to explain problems early.
 */

/** One problem with a definition: where (`questions.2.options.0.key`) and a sentence a person can act on. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

const KEY = /^[a-z0-9_]{1,40}$/;
/** Keys that would touch an object's prototype when used as property names. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Question keys with a meaning of their own: results are cross-tabulated "by kommune" under the key
 * 'kommune', so a question of that key could not be told from it. Option keys may still be 'kommune'.
 */
const RESERVED_QUESTION_KEYS = new Set(['kommune']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function keyProblem(key: unknown): string | null {
  if (typeof key !== 'string' || !KEY.test(key)) {
    return `Use 1–${SURVEY_LIMITS.keyLength} characters: small letters a–z, digits and underscore.`;
  }
  if (RESERVED_KEYS.has(key)) return `"${key}" is reserved; choose another key.`;
  return null;
}

/** Checks a SurveyText: bokmål required (when `required`), every language within the length limit. */
function checkText(
  problems: DefinitionProblem[],
  path: string,
  text: unknown,
  required: boolean,
  limit: number = SURVEY_LIMITS.textLength,
): void {
  if (text === undefined && !required) return;
  if (!isRecord(text)) {
    problems.push({ path, message: 'Write the text in bokmål (nynorsk and English are optional).' });
    return;
  }
  if (typeof text.nb !== 'string' || (required && !text.nb.trim())) {
    problems.push({ path: `${path}.nb`, message: 'Write the text in bokmål.' });
  }
  for (const lang of ['nb', 'nn', 'en'] as const) {
    const value = text[lang];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') {
      problems.push({ path: `${path}.${lang}`, message: 'The text must be text.' });
    } else if (value.length > limit) {
      problems.push({ path: `${path}.${lang}`, message: `Use at most ${limit} characters.` });
    }
  }
}

/**
 * Checks a survey's questions: keys of [a-z0-9_] (1–40) unique within the survey and within each question's
 * options; single and multiple choice have 2–30 options; at most one grouping question, and only on a
 * single-choice question; maxChoices within 1..options; number bounds whole and min ≤ max; bokmål text on
 * every question and option. Returns no problems when the definition may be stored.
 */
export function validateSurveyDefinition(questions: SurveyQuestion[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (!Array.isArray(questions)) {
    return [{ path: 'questions', message: 'The questions must be a list.' }];
  }
  if (questions.length > SURVEY_LIMITS.questions) {
    problems.push({ path: 'questions', message: `A survey has at most ${SURVEY_LIMITS.questions} questions.` });
  }
  const keys = new Set<string>();
  let groupingAt: number | null = null;

  questions.forEach((question: unknown, i) => {
    const at = `questions.${i}`;
    if (!isRecord(question)) {
      problems.push({ path: at, message: 'Each question must be an object.' });
      return;
    }
    const keyIssue = keyProblem(question.key);
    if (keyIssue) problems.push({ path: `${at}.key`, message: keyIssue });
    else if (RESERVED_QUESTION_KEYS.has(question.key as string)) {
      problems.push({
        path: `${at}.key`,
        message: `"${String(question.key)}" is reserved for grouping results by kommune; choose another question key.`,
      });
    } else if (keys.has(question.key as string)) {
      problems.push({ path: `${at}.key`, message: `Another question already has the key "${String(question.key)}".` });
    } else keys.add(question.key as string);

    const kind = question.kind;
    if (typeof kind !== 'string' || !(QUESTION_KINDS as readonly string[]).includes(kind)) {
      problems.push({ path: `${at}.kind`, message: `Choose one of: ${QUESTION_KINDS.join(', ')}.` });
    }
    if (typeof question.required !== 'boolean') {
      problems.push({ path: `${at}.required`, message: 'Say whether the question must be answered.' });
    }
    checkText(problems, `${at}.text`, question.text, true);
    checkText(problems, `${at}.help`, question.help, false, SURVEY_LIMITS.introLength);

    const choice = kind === 'single' || kind === 'multiple';
    const options = question.options;
    if (choice) {
      if (!Array.isArray(options) || options.length < 2) {
        problems.push({ path: `${at}.options`, message: 'A choice question needs at least two options.' });
      } else {
        if (options.length > SURVEY_LIMITS.options) {
          problems.push({
            path: `${at}.options`,
            message: `A question has at most ${SURVEY_LIMITS.options} options.`,
          });
        }
        const optionKeys = new Set<string>();
        options.forEach((option: unknown, j) => {
          const oat = `${at}.options.${j}`;
          if (!isRecord(option)) {
            problems.push({ path: oat, message: 'Each option must be an object.' });
            return;
          }
          const issue = keyProblem(option.key);
          if (issue) problems.push({ path: `${oat}.key`, message: issue });
          else if (optionKeys.has(option.key as string)) {
            problems.push({
              path: `${oat}.key`,
              message: `Another option of this question already has the key "${String(option.key)}".`,
            });
          } else optionKeys.add(option.key as string);
          checkText(problems, `${oat}.label`, option.label, true);
          if (option.need !== undefined && !(NEED_CATEGORIES as readonly unknown[]).includes(option.need)) {
            problems.push({ path: `${oat}.need`, message: `Choose one of: ${NEED_CATEGORIES.join(', ')}.` });
          }
        });
      }
    } else if (options !== undefined && !(Array.isArray(options) && options.length === 0)) {
      problems.push({ path: `${at}.options`, message: 'Only single and multiple choice questions have options.' });
    }

    if (question.maxChoices !== undefined && question.maxChoices !== null) {
      const count = Array.isArray(options) ? options.length : 0;
      if (kind !== 'multiple') {
        problems.push({ path: `${at}.maxChoices`, message: 'Only multiple choice questions limit the choices.' });
      } else if (!isWhole(question.maxChoices) || question.maxChoices < 1 || question.maxChoices > count) {
        problems.push({
          path: `${at}.maxChoices`,
          message: `Allow a whole number of choices from 1 to the number of options (${count}).`,
        });
      }
    }

    if (question.scaleLabels !== undefined) {
      if (kind !== 'scale') {
        problems.push({ path: `${at}.scaleLabels`, message: 'Only scale questions have words at the ends.' });
      } else if (!isRecord(question.scaleLabels)) {
        problems.push({ path: `${at}.scaleLabels`, message: 'Give the words for both ends of the scale.' });
      } else {
        checkText(problems, `${at}.scaleLabels.min`, question.scaleLabels.min, true);
        checkText(problems, `${at}.scaleLabels.max`, question.scaleLabels.max, true);
      }
    }

    for (const bound of ['min', 'max'] as const) {
      const value = question[bound];
      if (value === undefined || value === null) continue;
      if (kind !== 'number') {
        problems.push({ path: `${at}.${bound}`, message: 'Only number questions have bounds.' });
      } else if (!isWhole(value) || value < SURVEY_LIMITS.numberMin || value > SURVEY_LIMITS.numberMax) {
        problems.push({
          path: `${at}.${bound}`,
          message: `Use a whole number from ${SURVEY_LIMITS.numberMin} to ${SURVEY_LIMITS.numberMax}.`,
        });
      }
    }
    if (kind === 'number' && isWhole(question.min) && isWhole(question.max) && question.min > question.max) {
      problems.push({ path: `${at}.max`, message: 'The largest number may not be smaller than the smallest.' });
    }

    if (question.grouping !== undefined && question.grouping !== null) {
      if (!(GROUPING_KINDS as readonly unknown[]).includes(question.grouping)) {
        problems.push({ path: `${at}.grouping`, message: `Choose one of: ${GROUPING_KINDS.join(', ')}.` });
      } else if (kind !== 'single') {
        problems.push({ path: `${at}.grouping`, message: 'Only a single choice question can group the answers.' });
      } else if (groupingAt !== null) {
        problems.push({
          path: `${at}.grouping`,
          message: `Question ${groupingAt + 1} already groups the answers; a survey has one grouping question.`,
        });
      } else groupingAt = i;
    }

    if (question.need !== undefined && question.need !== null) {
      if (!(NEED_CATEGORIES as readonly unknown[]).includes(question.need)) {
        problems.push({ path: `${at}.need`, message: `Choose one of: ${NEED_CATEGORIES.join(', ')}.` });
      }
    }
  });
  return problems;
}

/** Empty answers count as not answered: undefined, null, '' (after trimming) and []. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Checks one non-empty answer; returns the cleaned answer or the problem. */
function checkAnswer(question: SurveyQuestion, value: unknown): SurveyAnswer | AnswerProblem {
  const q = question.key;
  switch (question.kind) {
    case 'single': {
      if (typeof value !== 'string') return { question: q, code: 'wrong_type' };
      if (!question.options?.some((o) => o.key === value)) return { question: q, code: 'unknown_option' };
      return value;
    }
    case 'multiple': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return { question: q, code: 'wrong_type' };
      const chosen = value as string[];
      const known = new Set((question.options ?? []).map((o) => o.key));
      if (chosen.some((v) => !known.has(v))) return { question: q, code: 'unknown_option' };
      if (new Set(chosen).size !== chosen.length) return { question: q, code: 'duplicate_option' };
      if (question.maxChoices !== undefined && chosen.length > question.maxChoices) {
        return { question: q, code: 'too_many_choices', limit: question.maxChoices };
      }
      return [...chosen];
    }
    case 'scale':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { question: q, code: 'wrong_type' };
      if (!Number.isInteger(value)) return { question: q, code: 'not_whole_number' };
      const min = question.kind === 'scale' ? SCALE_MIN : (question.min ?? SURVEY_LIMITS.numberMin);
      const max = question.kind === 'scale' ? SCALE_MAX : (question.max ?? SURVEY_LIMITS.numberMax);
      if (value < min) return { question: q, code: 'out_of_range', limit: min };
      if (value > max) return { question: q, code: 'out_of_range', limit: max };
      return value;
    }
    case 'text': {
      if (typeof value !== 'string') return { question: q, code: 'wrong_type' };
      const text = value.trim();
      if (text.length > SURVEY_LIMITS.answerTextLength) {
        return { question: q, code: 'too_long', limit: SURVEY_LIMITS.answerTextLength };
      }
      return text;
    }
    default:
      return { question: q, code: 'wrong_type' };
  }
}

function isProblem(value: SurveyAnswer | AnswerProblem): value is AnswerProblem {
  return isRecord(value) && 'code' in value;
}

/**
 * Checks a respondent's answers against the survey's questions. Unknown question keys, wrong types, unknown
 * or repeated options, too many choices, scale answers outside 1–5, numbers outside the bounds, non-whole
 * numbers, texts longer than SURVEY_LIMITS.answerTextLength (after trimming) and missing required answers
 * are problems (at most one per question, in question order, then unknown keys). An empty string or empty
 * list counts as not answered. Returns the cleaned answers (texts trimmed, unanswered questions left out);
 * store them only when there are no problems. When `answers` is not an object at all, the one problem has
 * question '' and code 'wrong_type'.
 */
export function validateAnswers(
  questions: readonly SurveyQuestion[],
  answers: unknown,
): { answers: SurveyAnswers; problems: AnswerProblem[] } {
  const cleaned: SurveyAnswers = {};
  const problems: AnswerProblem[] = [];
  if (!isRecord(answers)) return { answers: cleaned, problems: [{ question: '', code: 'wrong_type' }] };

  const known = new Set<string>();
  for (const question of questions) {
    known.add(question.key);
    const value = has(answers, question.key) ? answers[question.key] : undefined;
    if (isEmpty(value)) {
      if (question.required) problems.push({ question: question.key, code: 'required' });
      continue;
    }
    const result = checkAnswer(question, value);
    if (isProblem(result)) problems.push(result);
    else cleaned[question.key] = result;
  }
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ question: key, code: 'unknown_question' });
  }
  return { answers: cleaned, problems };
}
