import type { GroupingKind, NeedCategory, QuestionKind, SurveyOption, SurveyQuestion, SurveyText } from '@nvr/shared';
import type { FieldError } from '../../../lib/api-error';
import type { Survey, UpdateSurveyBody } from '../api/types';

/** One option as the form edits it: bokmål label first, nynorsk and English optional. */
export interface OptionDraft {
  key: string;
  labelNb: string;
  labelNn: string;
  labelEn: string;
  need: NeedCategory | '';
}

/** One question as the form edits it (numbers as the text of their inputs). */
export interface QuestionDraft {
  key: string;
  kind: QuestionKind;
  textNb: string;
  textNn: string;
  textEn: string;
  help?: SurveyText;
  required: boolean;
  options: OptionDraft[];
  maxChoices: string;
  scaleMinNb: string;
  scaleMaxNb: string;
  min: string;
  max: string;
  need: NeedCategory | '';
}

export interface SurveyFormValues {
  title: string;
  intro: string;
  privacyNotice: string;
  minGroupSize: string;
  /** YYYY-MM-DD, the last day answers are taken ('' = no closing date). */
  closesOn: string;
  questions: QuestionDraft[];
  /** The grouping question's key ('' = none) and what it groups by. */
  groupingKey: string;
  groupingKind: GroupingKind;
}

const text = (nb: string, nn: string, en: string): SurveyText => {
  const out: SurveyText = { nb: nb.trim() };
  if (nn.trim()) out.nn = nn.trim();
  if (en.trim()) out.en = en.trim();
  return out;
};

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The end (23:59:59 local time) of a YYYY-MM-DD day, as an ISO instant. */
export function endOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 23, 59, 59).toISOString();
}

export function optionDraft(option: SurveyOption): OptionDraft {
  return {
    key: option.key,
    labelNb: option.label.nb,
    labelNn: option.label.nn ?? '',
    labelEn: option.label.en ?? '',
    need: option.need ?? '',
  };
}

export function questionDraft(q: SurveyQuestion): QuestionDraft {
  return {
    key: q.key,
    kind: q.kind,
    textNb: q.text.nb,
    textNn: q.text.nn ?? '',
    textEn: q.text.en ?? '',
    help: q.help,
    required: q.required,
    options: (q.options ?? []).map(optionDraft),
    maxChoices: q.maxChoices === undefined ? '' : String(q.maxChoices),
    scaleMinNb: q.scaleLabels?.min.nb ?? '',
    scaleMaxNb: q.scaleLabels?.max.nb ?? '',
    min: q.min === undefined ? '' : String(q.min),
    max: q.max === undefined ? '' : String(q.max),
    need: q.need ?? '',
  };
}

/** A new question's key: q1, q2, … not yet used in the survey. */
export function freshKey(prefix: string, used: readonly string[]): string {
  for (let n = used.length + 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!used.includes(key)) return key;
  }
}

export function emptyOption(used: readonly string[]): OptionDraft {
  return { key: freshKey('a', used), labelNb: '', labelNn: '', labelEn: '', need: '' };
}

export function emptyQuestion(used: readonly string[]): QuestionDraft {
  return {
    key: freshKey('q', used),
    kind: 'single',
    textNb: '',
    textNn: '',
    textEn: '',
    required: false,
    options: [emptyOption([]), emptyOption(['a1'])],
    maxChoices: '',
    scaleMinNb: '',
    scaleMaxNb: '',
    min: '',
    max: '',
    need: '',
  };
}

export function surveyFormValues(survey: Survey): SurveyFormValues {
  const grouping = survey.questions.find((q) => q.grouping);
  return {
    title: survey.title,
    intro: survey.intro,
    privacyNotice: survey.privacyNotice,
    minGroupSize: String(survey.minGroupSize),
    closesOn: survey.closesAt ? localDay(survey.closesAt) : '',
    questions: survey.questions.map(questionDraft),
    groupingKey: grouping?.key ?? '',
    groupingKind: grouping?.grouping ?? 'target_group',
  };
}

const whole = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/** The questions as the server takes them, keeping what the form does not edit (help texts, scale label translations). */
export function questionsOf(values: SurveyFormValues, before: readonly SurveyQuestion[]): SurveyQuestion[] {
  return values.questions.map((d) => {
    const original = before.find((q) => q.key === d.key);
    const q: SurveyQuestion = { key: d.key.trim(), kind: d.kind, text: text(d.textNb, d.textNn, d.textEn), required: d.required };
    if (d.help) q.help = d.help;
    if (d.kind === 'single' || d.kind === 'multiple') {
      q.options = d.options.map((o) => {
        const option: SurveyOption = { key: o.key.trim(), label: text(o.labelNb, o.labelNn, o.labelEn) };
        if (o.need) option.need = o.need;
        return option;
      });
    }
    if (d.kind === 'multiple' && whole(d.maxChoices) !== undefined) q.maxChoices = whole(d.maxChoices);
    if (d.kind === 'scale' && (d.scaleMinNb.trim() || d.scaleMaxNb.trim())) {
      q.scaleLabels = {
        min: { ...original?.scaleLabels?.min, nb: d.scaleMinNb.trim() },
        max: { ...original?.scaleLabels?.max, nb: d.scaleMaxNb.trim() },
      };
    }
    if (d.kind === 'number') {
      if (whole(d.min) !== undefined) q.min = whole(d.min);
      if (whole(d.max) !== undefined) q.max = whole(d.max);
    }
    if ((d.kind === 'scale' || d.kind === 'text') && d.need) q.need = d.need;
    if (d.kind === 'single' && values.groupingKey === d.key) q.grouping = values.groupingKind;
    return q;
  });
}

/** The form's own fields besides the questions (and the grouping, which is part of the questions). */
export const SETTING_FIELDS = ['title', 'intro', 'privacyNotice', 'minGroupSize', 'closesOn'] as const;

/**
 * Whether the editor can take a newer version of the survey as its base while the person is editing,
 * without losing or hiding anything: opening, closing and links change the version but none of what is
 * edited here (opening may also drop a closing date in the past, which follows when it was not edited).
 * Not when a field being edited changed, nor the questions or whether they are locked: someone else saved
 * them, and the save answers VERSION_CONFLICT so the person can reload.
 */
export function canFollow(before: Survey, after: Survey, edited: { readonly [K in keyof SurveyFormValues]?: unknown }): boolean {
  if (before.locked !== after.locked || JSON.stringify(before.questions) !== JSON.stringify(after.questions)) return false;
  const was = surveyFormValues(before);
  const now = surveyFormValues(after);
  return SETTING_FIELDS.every((name) => !edited[name] || was[name] === now[name]);
}

/** The PATCH body: only what changed, with the version the editor started from. */
export function updateBody(values: SurveyFormValues, survey: Survey): UpdateSurveyBody {
  const body: UpdateSurveyBody = { version: survey.version };
  const before = surveyFormValues(survey);
  if (values.title.trim() !== survey.title) body.title = values.title.trim();
  if (values.intro.trim() !== survey.intro) body.intro = values.intro.trim();
  if (values.privacyNotice.trim() !== survey.privacyNotice) body.privacyNotice = values.privacyNotice.trim();
  if (Number(values.minGroupSize) !== survey.minGroupSize) body.minGroupSize = Number(values.minGroupSize);
  if (values.closesOn !== before.closesOn) body.closesAt = values.closesOn ? endOfDay(values.closesOn) : null;
  if (!survey.locked) {
    const questions = questionsOf(values, survey.questions);
    if (JSON.stringify(questions) !== JSON.stringify(survey.questions)) body.questions = questions;
  }
  return body;
}

/** The form's suffix for the language a text's path ends in ('text.nn' → 'Nn'); bokmål when it names none. */
function languageOf(path: string): 'Nb' | 'Nn' | 'En' {
  const language = /[.[](nb|nn|en)\]?$/.exec(path)?.[1];
  return language === 'nn' ? 'Nn' : language === 'en' ? 'En' : 'Nb';
}

/**
 * Which form field a server definition problem belongs to: 'questions.2.options.1.label.nn' → the
 * option's nynorsk label, 'questions.0.text.en' → the question's English text. What the form has no
 * field for (an option's key, the help text, a scale label's translation) goes to the nearest field.
 */
export function draftFieldOf(path: string): string | null {
  const m = /^questions[.[](\d+)\]?(?:\.(.*))?$/.exec(path);
  if (!m) return ['title', 'intro', 'privacyNotice', 'minGroupSize'].includes(path) ? path : path === 'closesAt' ? 'closesOn' : null;
  const base = `questions.${m[1]}`;
  const rest = m[2] ?? '';
  const option = /^options[.[](\d+)\]?(?:\.(.*))?$/.exec(rest);
  if (option) return `${base}.options.${option[1]}.${option[2]?.startsWith('label') ? `label${languageOf(option[2])}` : 'labelNb'}`;
  if (rest.startsWith('options')) return `${base}.options`;
  if (rest.startsWith('text')) return `${base}.text${languageOf(rest)}`;
  if (rest.startsWith('key')) return `${base}.key`;
  if (rest.startsWith('maxChoices')) return `${base}.maxChoices`;
  if (rest.startsWith('scaleLabels')) return `${base}.${rest.startsWith('scaleLabels.max') ? 'scaleMaxNb' : 'scaleMinNb'}`;
  if (rest.startsWith('min')) return `${base}.min`;
  if (rest.startsWith('max')) return `${base}.max`;
  return `${base}.textNb`;
}

/** Splits a 422 SURVEY_DEFINITION_INVALID answer's errors into those with a form field and the rest. */
export function splitDefinitionErrors(errors: readonly FieldError[]): { field: string; message: string }[] {
  return errors.map((e) => ({ field: draftFieldOf(e.field) ?? '', message: e.messages.join(' ') }));
}
