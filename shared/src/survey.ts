import type { Lang } from './plp';

/**
 * Surveys of the forstudie's kartlegging: the shape of a survey's questions and answers, shared by the
 * server (which stores and checks them), the leader's screens and the respondents' public form.
 * Validation lives in `survey-validation.ts`, counting and suppression in `survey-results.ts`.
 */

/** A text the leader writes in bokmål; nynorsk and English are optional and fall back to bokmål. */
export interface SurveyText {
  nb: string;
  nn?: string;
  en?: string;
}

/** The text in the reader's language, or bokmål when that language has none. */
export function surveyText(text: SurveyText, lang: Lang): string {
  const own = text[lang];
  return own && own.trim() ? own : text.nb;
}

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'number', 'text'] as const;
/** single: one option; multiple: several options (counted as the share of respondents); scale: 1–5; number: a whole number; text: free text. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What a grouping question groups respondents by (used to cross-tabulate). */
export const GROUPING_KINDS = ['target_group', 'kommune', 'industry', 'size', 'role', 'other'] as const;
export type GroupingKind = (typeof GROUPING_KINDS)[number];

/**
 * The categories of need that surveys, interviews, meetings and workshops are tagged with, so one view
 * counts each need across all of them. The first six are Innovasjon Norge's business survey for
 * Næringsvennlig kommune; the rest come from FUNK and the forstudie reports.
 */
export const NEED_CATEGORIES = [
  'infrastructure_planning',
  'business_land',
  'building_permits',
  'business_development',
  'service',
  'dialogue',
  'competence',
  'network',
  'financing',
  'recruitment',
  'statistics',
  'other',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Limits every survey keeps; the server, the editor and the public form use the same numbers. */
export const SURVEY_LIMITS = {
  questions: 60,
  options: 30,
  keyLength: 40,
  textLength: 500,
  answerTextLength: 4000,
  titleLength: 200,
  introLength: 4000,
  /** Smallest group shown in a cross-tabulation may not be set below this. */
  minGroupSizeFloor: 3,
  defaultMinGroupSize: 5,
  numberMin: -1_000_000_000,
  numberMax: 1_000_000_000,
} as const;

export interface SurveyOption {
  /** Stable key within the question: [a-z0-9_], answers store it. */
  key: string;
  label: SurveyText;
  /** The need this option stands for, when choosing it means the respondent has that need. */
  need?: NeedCategory;
}

export interface SurveyQuestion {
  /** Stable key within the survey: [a-z0-9_], answers and imports refer to it. */
  key: string;
  kind: QuestionKind;
  text: SurveyText;
  help?: SurveyText;
  required: boolean;
  /** single and multiple: the options, in order. */
  options?: SurveyOption[];
  /** multiple: at most this many choices (none: any number). */
  maxChoices?: number;
  /** scale: words at the ends of the 1–5 scale. */
  scaleLabels?: { min: SurveyText; max: SurveyText };
  /** number: bounds, whole numbers. */
  min?: number;
  max?: number;
  /** Marks the grouping question (at most one per survey, single choice only). */
  grouping?: GroupingKind;
  /** scale and text questions about one need (e.g. satisfaction with building permits). */
  need?: NeedCategory;
}

/** One answer: an option key (single), option keys (multiple), a number (scale, number) or text. */
export type SurveyAnswer = string | string[] | number;
/** A respondent's answers by question key; unanswered questions are absent. */
export type SurveyAnswers = Record<string, SurveyAnswer>;

/** Why one answer (or the definition) is not accepted. */
export const ANSWER_PROBLEMS = [
  'required',
  'unknown_question',
  'wrong_type',
  'unknown_option',
  'duplicate_option',
  'too_many_choices',
  'out_of_range',
  'not_whole_number',
  'too_long',
] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEMS)[number];
export interface AnswerProblem {
  question: string;
  code: AnswerProblemCode;
  /** e.g. the limit that was passed */
  limit?: number;
}

/** How a survey stands now: not yet open, open for answers, or closed. */
export type SurveyStatus = 'draft' | 'scheduled' | 'open' | 'closed';

export interface SurveyTiming {
  opensAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
}

/** draft: no opening date; scheduled: opens later; closed: closed by hand or past its closing date. */
export function surveyStatus(t: SurveyTiming, now: Date = new Date()): SurveyStatus {
  if (t.closedAt) return 'closed';
  if (t.closesAt && new Date(t.closesAt).getTime() <= now.getTime()) return 'closed';
  if (!t.opensAt) return 'draft';
  if (new Date(t.opensAt).getTime() > now.getTime()) return 'scheduled';
  return 'open';
}

/** Conversations recorded against the guides. */
export const CONVERSATION_KINDS = ['interview', 'meeting', 'workshop'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/**
 * A recommendation's way through the gate: proposed by the project, put to the owner with the package,
 * then adopted, rejected, or to be examined in the forprosjekt.
 */
export const RECOMMENDATION_STATUSES = ['proposed', 'put_to_owner', 'adopted', 'rejected', 'examine_next'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Which status changes are allowed (the owner's outcomes follow "put to owner"; proposed may be withdrawn to itself by edit). */
export const RECOMMENDATION_TRANSITIONS: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  proposed: ['put_to_owner'],
  put_to_owner: ['proposed', 'adopted', 'rejected', 'examine_next'],
  adopted: ['put_to_owner'],
  rejected: ['put_to_owner'],
  examine_next: ['put_to_owner', 'adopted', 'rejected'],
};

export function mayMoveRecommendation(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return RECOMMENDATION_TRANSITIONS[from].includes(to);
}
