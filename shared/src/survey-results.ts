import type { Lang } from './plp';
import { NEED_CATEGORIES, NeedCategory, QuestionKind, SCALE_MAX, SCALE_MIN, SURVEY_LIMITS, SurveyAnswers, SurveyQuestion } from './survey';

/**
 * Counting a survey's answers: the tally per question, cross-tabulation with small groups suppressed, the
 * needs counted across surveys and conversations, and shares written the Norwegian way ("45,7 % (102)").
 */

/** What the counting needs of one stored response. */
export interface SurveyResponseFacts {
  answers: SurveyAnswers;
  /** The kommune of the link the answer came through; null or absent for a general link. */
  kommuneId?: string | null;
}

export interface OptionTally {
  key: string;
  count: number;
  /** Fraction 0..1 of the respondents who answered the question (0 when nobody did). */
  share: number;
}

export interface QuestionTally {
  key: string;
  kind: QuestionKind;
  /** Respondents who answered this question. */
  answered: number;
  /** single and multiple: one per option in the question's order; scale: keys '1'..'5'. */
  options?: OptionTally[];
  /** scale and number, when anyone answered. */
  mean?: number;
  median?: number;
  min?: number;
  max?: number;
  /** text: how many texts there are (redacted texts, stored as null, are not counted). */
  textCount?: number;
}

export interface SurveyTally {
  /** Every response, whatever it answered. */
  total: number;
  questions: QuestionTally[];
}

const SCALE_KEYS: readonly string[] = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));

function shareOf(count: number, of: number): number {
  return of > 0 ? count / of : 0;
}

function optionIndex(question: SurveyQuestion): Map<string, number> {
  const index = new Map<string, number>();
  (question.options ?? []).forEach((o, i) => index.set(o.key, i));
  return index;
}

/** The value at 0-based position `k` of the sorted answers, from counts per scale step. */
function kthFromCounts(counts: Int32Array, k: number): number {
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (k < seen) return SCALE_MIN + i;
  }
  return SCALE_MAX;
}

/** Working state of one question while counting. */
interface Counter {
  question: SurveyQuestion;
  index: Map<string, number>;
  counts: Int32Array;
  /** multiple: the response (1-based) that last chose each option, so a repeated option counts once. */
  stamp: Int32Array;
  answered: number;
  sum: number;
  min: number;
  max: number;
  values: number[];
}

function newCounter(question: SurveyQuestion): Counter {
  const size =
    question.kind === 'scale'
      ? SCALE_KEYS.length
      : question.kind === 'single' || question.kind === 'multiple'
        ? (question.options?.length ?? 0)
        : 0;
  return {
    question,
    index: optionIndex(question),
    counts: new Int32Array(size),
    stamp: new Int32Array(question.kind === 'multiple' ? size : 0),
    answered: 0,
    sum: 0,
    min: Infinity,
    max: -Infinity,
    values: [],
  };
}

/**
 * Counts one question over all responses. One tight loop per kind keeps the work per answer small (a 10 000 ×
 * 20 survey takes a few tens of milliseconds). Answers that do not fit the question (never stored valid) are
 * skipped.
 */
function countQuestion(c: Counter, responses: readonly SurveyResponseFacts[]): void {
  const key = c.question.key;
  const { counts, index } = c;
  const size = responses.length;
  switch (c.question.kind) {
    case 'single':
      for (let r = 0; r < size; r++) {
        const value = responses[r].answers?.[key];
        if (typeof value !== 'string') continue;
        const i = index.get(value);
        if (i === undefined) continue;
        counts[i]++;
        c.answered++;
      }
      return;
    case 'multiple': {
      const stamp = c.stamp;
      for (let r = 0; r < size; r++) {
        const value = responses[r].answers?.[key];
        if (!Array.isArray(value)) continue;
        let any = false;
        for (let j = 0; j < value.length; j++) {
          const v: unknown = value[j];
          const i = typeof v === 'string' ? index.get(v) : undefined;
          if (i === undefined || stamp[i] === r + 1) continue;
          stamp[i] = r + 1;
          counts[i]++;
          any = true;
        }
        if (any) c.answered++;
      }
      return;
    }
    case 'scale':
      for (let r = 0; r < size; r++) {
        const value = responses[r].answers?.[key];
        if (typeof value !== 'number' || !Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX) continue;
        counts[value - SCALE_MIN]++;
        c.answered++;
        c.sum += value;
      }
      return;
    case 'number':
      for (let r = 0; r < size; r++) {
        const value = responses[r].answers?.[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        c.values.push(value);
        c.answered++;
        c.sum += value;
        if (value < c.min) c.min = value;
        if (value > c.max) c.max = value;
      }
      return;
    case 'text':
      for (let r = 0; r < size; r++) {
        const value = responses[r].answers?.[key];
        if (typeof value === 'string' && value.trim() !== '') c.answered++;
      }
      return;
  }
}

function finish(c: Counter): QuestionTally {
  const { question, answered } = c;
  const tally: QuestionTally = { key: question.key, kind: question.kind, answered };
  switch (question.kind) {
    case 'single':
    case 'multiple':
      tally.options = (question.options ?? []).map((o, i) => ({
        key: o.key,
        count: c.counts[i],
        share: shareOf(c.counts[i], answered),
      }));
      break;
    case 'scale':
      tally.options = SCALE_KEYS.map((key, i) => ({ key, count: c.counts[i], share: shareOf(c.counts[i], answered) }));
      if (answered > 0) {
        tally.mean = c.sum / answered;
        tally.median = (kthFromCounts(c.counts, (answered - 1) >> 1) + kthFromCounts(c.counts, answered >> 1)) / 2;
        tally.min = kthFromCounts(c.counts, 0);
        tally.max = kthFromCounts(c.counts, answered - 1);
      }
      break;
    case 'number':
      if (answered > 0) {
        const sorted = Float64Array.from(c.values).sort();
        tally.mean = c.sum / answered;
        tally.median = (sorted[(answered - 1) >> 1] + sorted[answered >> 1]) / 2;
        tally.min = c.min;
        tally.max = c.max;
      }
      break;
    case 'text':
      tally.textCount = answered;
      break;
  }
  return tally;
}

/**
 * Counts every question (one tight pass over the responses per question). Single and multiple choice give a count and share per
 * option, where the share is of the respondents who answered the question (so multiple-choice shares may add
 * up to more than 100 %); scale questions give counts per step 1–5 with mean, median, min and max; number
 * questions mean, median, min and max; text questions only how many texts there are.
 */
export function tallySurvey(questions: readonly SurveyQuestion[], responses: readonly SurveyResponseFacts[]): SurveyTally {
  const counters = questions.map(newCounter);
  for (const counter of counters) countQuestion(counter, responses);
  return { total: responses.length, questions: counters.map(finish) };
}

/** A tally as shown to someone who may read the project but not edit it. */
export interface ReaderTally extends SurveyTally {
  /**
   * true when fewer than the survey's minimum group size answered (but someone did): the tally would then
   * be those few people's own answers, so no question's figures are given (questions is empty).
   */
  belowMinimum: boolean;
}

/**
 * The tally for readers who may not edit the project (the project team, who see the raw answers, get the
 * whole tally). While 1 to minGroupSize − 1 people have answered, the survey as a whole is a group too
 * small to show: only the total is given. Otherwise the figures are given without the min and max of
 * number questions, which are one respondent's exact answer (a scale's lowest and highest step follow from
 * its counts anyway).
 */
export function tallyForReaders(tally: SurveyTally, minGroupSize: number): ReaderTally {
  if (tally.total > 0 && tally.total < effectiveMinGroupSize(minGroupSize)) {
    return { total: tally.total, questions: [], belowMinimum: true };
  }
  return {
    total: tally.total,
    questions: tally.questions.map((q) => {
      if (q.kind !== 'number') return q;
      const { min: _min, max: _max, ...rest } = q;
      return rest;
    }),
    belowMinimum: false,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Cross-tabulation

export type CrossTabBy = { kind: 'question'; key: string } | { kind: 'kommune'; labels: Record<string, string> };

export interface CrossTabGroup {
  /** The grouping question's option key or the kommune id; null = did not answer the grouping question / no kommune. */
  key: string | null;
  /** Respondents in the group who answered the question (the base of the group's shares); null when suppressed. */
  n: number | null;
  /** small: fewer than minGroupSize; complementary: hidden so a small group cannot be worked out by subtraction. */
  suppressed: false | 'small' | 'complementary';
}

export interface CrossTabCell {
  count: number;
  /** Fraction 0..1 of the group's n. */
  share: number;
}

export interface CrossTabRow {
  option: string;
  /** All respondents who answered the question (the same as the tally). */
  total: CrossTabCell;
  /** One per group, in the order of `groups`; null where the group is suppressed. */
  cells: (CrossTabCell | null)[];
}

export interface CrossTab {
  question: string;
  /** The grouping question's key, or 'kommune'. */
  by: string;
  /** The smallest group shown, after clamping to SURVEY_LIMITS.minGroupSizeFloor. */
  minGroupSize: number;
  groups: CrossTabGroup[];
  rows: CrossTabRow[];
}

/** A group size setting as used: a whole number, never below the floor of SURVEY_LIMITS.minGroupSizeFloor. */
export function effectiveMinGroupSize(minGroupSize: number): number {
  if (!Number.isFinite(minGroupSize)) return SURVEY_LIMITS.defaultMinGroupSize;
  return Math.max(SURVEY_LIMITS.minGroupSizeFloor, Math.ceil(minGroupSize));
}

/**
 * Which groups to hide. A group of fewer than `minGroupSize` respondents is hidden ('small'). The published
 * total minus the groups still shown gives the hidden groups' figures together, so while the hidden groups
 * together hold between 1 and minGroupSize − 1 people (one small group alone, or several small ones such as
 * 1 + 1), the smallest group still shown (first in order on a tie) is hidden too ('complementary'). A shown
 * group has at least minGroupSize people, so one such group is always enough. Empty groups are hidden but
 * protect nothing: everyone can tell their figures are zero. When no group is left to hide, the hidden
 * groups are the whole table, whose total is published anyway.
 */
export function suppressGroups(sizes: readonly number[], minGroupSize: number): (false | 'small' | 'complementary')[] {
  const min = effectiveMinGroupSize(minGroupSize);
  const result: (false | 'small' | 'complementary')[] = sizes.map((n) => (n < min ? 'small' : false));
  let hidden = sizes.reduce((sum, n, i) => (result[i] ? sum + n : sum), 0);
  while (hidden > 0 && hidden < min) {
    let pick = -1;
    sizes.forEach((n, i) => {
      if (!result[i] && (pick < 0 || n < sizes[pick])) pick = i;
    });
    if (pick < 0) break;
    result[pick] = 'complementary';
    hidden += sizes[pick];
  }
  return result;
}

/**
 * Cross-tabulates one question (single, multiple or scale; number and text questions give no rows) by the
 * grouping question (its options in order, then a null group for respondents who did not answer it, when
 * there are any) or by kommune (the kommuner of `labels` in order, then kommuner not in `labels`, then a null
 * group for answers through the general link, when there are any). Only respondents who answered the
 * question count. Groups are suppressed as `suppressGroups` says; a suppressed group shows neither its n
 * nor its cells.
 */
export function crossTabulate(
  questions: readonly SurveyQuestion[],
  responses: readonly SurveyResponseFacts[],
  questionKey: string,
  by: CrossTabBy,
  minGroupSize: number,
): CrossTab {
  const question = questions.find((q) => q.key === questionKey);
  if (!question) throw new Error(`The survey has no question "${questionKey}".`);

  // Groups: known keys first; the null group and unknown kommuner are added as met.
  const groupKeys: (string | null)[] = [];
  let groupOf: (response: SurveyResponseFacts) => number;
  const groupIndex = new Map<string | null, number>();
  const indexOf = (key: string | null): number => {
    let i = groupIndex.get(key);
    if (i === undefined) {
      i = groupKeys.length;
      groupKeys.push(key);
      groupIndex.set(key, i);
    }
    return i;
  };
  if (by.kind === 'question') {
    const byQuestion = questions.find((q) => q.key === by.key);
    if (!byQuestion || byQuestion.kind !== 'single') {
      throw new Error(`"${by.key}" is not a single choice question of the survey.`);
    }
    for (const o of byQuestion.options ?? []) indexOf(o.key);
    const known = new Set(groupKeys);
    groupOf = (r) => {
      const v = r.answers?.[by.key];
      return indexOf(typeof v === 'string' && known.has(v) ? v : null);
    };
  } else {
    for (const id of Object.keys(by.labels)) indexOf(id);
    groupOf = (r) => indexOf(r.kommuneId ?? null);
  }

  const rowKeys =
    question.kind === 'scale'
      ? SCALE_KEYS
      : question.kind === 'single' || question.kind === 'multiple'
        ? (question.options ?? []).map((o) => o.key)
        : [];
  const rowIndex = new Map(rowKeys.map((k, i) => [k, i]));

  const n: number[] = [];
  const cells: Int32Array[] = [];
  const totals = new Int32Array(rowKeys.length);
  let answered = 0;
  const chosen = new Int32Array(rowKeys.length);
  let stamp = 0;

  if (rowKeys.length > 0) {
    for (const response of responses) {
      const value = response.answers?.[questionKey];
      if (value === undefined || value === null) continue;
      // The rows this response chose, each once.
      stamp++;
      let picked = 0;
      const pick = (key: unknown): void => {
        const i = typeof key === 'string' ? rowIndex.get(key) : undefined;
        if (i === undefined || chosen[i] === stamp) return;
        chosen[i] = stamp;
        picked++;
      };
      if (question.kind === 'multiple') {
        if (Array.isArray(value)) value.forEach(pick);
      } else if (question.kind === 'scale') {
        if (typeof value === 'number') pick(String(value));
      } else pick(value);
      if (picked === 0) continue;

      const g = groupOf(response);
      while (n.length <= g) {
        n.push(0);
        cells.push(new Int32Array(rowKeys.length));
      }
      n[g]++;
      answered++;
      for (let i = 0; i < rowKeys.length; i++) {
        if (chosen[i] === stamp) {
          cells[g][i]++;
          totals[i]++;
        }
      }
    }
  }
  while (n.length < groupKeys.length) {
    n.push(0);
    cells.push(new Int32Array(rowKeys.length));
  }

  // The null group last, and only when someone is in it.
  const all = groupKeys.map((_, g) => g);
  const nullGroup = groupIndex.get(null);
  const shown = all.filter((g) => groupKeys[g] !== null);
  if (nullGroup !== undefined && n[nullGroup] > 0) shown.push(nullGroup);
  const sizes = shown.map((g) => n[g]);
  const suppressed = suppressGroups(sizes, minGroupSize);

  return {
    question: questionKey,
    by: by.kind === 'question' ? by.key : 'kommune',
    minGroupSize: effectiveMinGroupSize(minGroupSize),
    groups: shown.map((g, i) => ({ key: groupKeys[g], n: suppressed[i] ? null : n[g], suppressed: suppressed[i] })),
    rows: rowKeys.map((option, row) => ({
      option,
      total: { count: totals[row], share: shareOf(totals[row], answered) },
      cells: shown.map((g, i) => (suppressed[i] ? null : { count: cells[g][row], share: shareOf(cells[g][row], n[g]) })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Needs across surveys and conversations

export interface NeedCount {
  need: NeedCategory;
  /** Respondents who chose an option standing for the need (see countNeeds for how). */
  surveyRespondents: number;
  /** Interviews, meetings and workshops tagged with the need. */
  conversations: number;
}

/**
 * Respondents of one survey per need. Per question: single choice adds the counts of the options tagged
 * with the need (one answer each, so these are different respondents); multiple choice takes the largest
 * count among its tagged options (a respondent choosing two tagged options is counted once, so this is a
 * lower bound). Across questions the largest per-question count is taken, since the same respondents answer
 * every question. Scale and text questions tagged with a need are not counted: they measure satisfaction,
 * not that the respondent has the need.
 */
function surveyNeeds(questions: readonly SurveyQuestion[], tally: SurveyTally): Map<NeedCategory, number> {
  const byKey = new Map(tally.questions.map((t) => [t.key, t]));
  const result = new Map<NeedCategory, number>();
  for (const question of questions) {
    if (question.kind !== 'single' && question.kind !== 'multiple') continue;
    const counts = new Map((byKey.get(question.key)?.options ?? []).map((o) => [o.key, o.count]));
    const perQuestion = new Map<NeedCategory, number>();
    for (const option of question.options ?? []) {
      if (!option.need) continue;
      const c = counts.get(option.key) ?? 0;
      const before = perQuestion.get(option.need) ?? 0;
      perQuestion.set(option.need, question.kind === 'single' ? before + c : Math.max(before, c));
    }
    for (const [need, c] of perQuestion) result.set(need, Math.max(result.get(need) ?? 0, c));
  }
  return result;
}

/** Each need (all of NEED_CATEGORIES, in order) with the survey's respondents and the conversations tagged with it. */
export function countNeeds(
  questions: readonly SurveyQuestion[],
  tally: SurveyTally,
  conversations: readonly { needs: readonly NeedCategory[] }[],
): NeedCount[] {
  return countNeedsAcross([{ questions, tally }], conversations);
}

/** As countNeeds over several surveys of a project: their respondents are different people, so they add up. */
export function countNeedsAcross(
  surveys: readonly { questions: readonly SurveyQuestion[]; tally: SurveyTally }[],
  conversations: readonly { needs: readonly NeedCategory[] }[],
): NeedCount[] {
  const respondents = new Map<NeedCategory, number>();
  for (const survey of surveys) {
    for (const [need, c] of surveyNeeds(survey.questions, survey.tally)) {
      respondents.set(need, (respondents.get(need) ?? 0) + c);
    }
  }
  return NEED_CATEGORIES.map((need) => ({
    need,
    surveyRespondents: respondents.get(need) ?? 0,
    conversations: conversations.filter((c) => c.needs.includes(need)).length,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** A share (fraction 0..1) as a percentage with one decimal: nb/nn "45,7 %", en "45.7%". */
export function formatPercent(share: number, lang: Lang): string {
  const tenths = Number.isFinite(share) ? Math.round(share * 1000) : 0;
  const digits = (tenths / 10).toFixed(1);
  return lang === 'en' ? `${digits}%` : `${digits.replace('.', ',')} %`;
}

/** A share with its count, as results are written: nb/nn "45,7 % (102)", en "45.7% (102)". */
export function formatShare(share: number, count: number, lang: Lang): string {
  return `${formatPercent(share, lang)} (${count})`;
}
