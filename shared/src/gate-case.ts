/**
 * How a gate's case really runs: it passes a region's bodies in order (styringsgruppe → rådmannsgruppe
 * → regionråd) until the body that decides; when the next phase needs money from the kommuner, each
 * kommunestyre decides on its share before a deadline; an approval's conditions are followed up in the
 * next phase. Pure rules shared by the server (to decide) and the web app (to show).
 */
import type { IsoDate } from './dates';
import { CostShare, CostShareKommune, shareCosts } from './cost-sharing';
import type { DecisionOutcome, PhaseKey } from './plp';

/** The kinds of body a region's case may pass. */
export const BODY_KINDS = ['styringsgruppe', 'radmannsgruppe', 'arbeidsutvalg', 'regionrad', 'styre', 'formannskap', 'annet'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface RegionBodyLike {
  id: string;
  name: string;
  kind: BodyKind;
  position: number;
  /** The project owner (prosjekteier): decides every gate it has not delegated. */
  isOwner: boolean;
}

export interface RouteStep {
  bodyId: string;
  bodyName: string;
  bodyKind: BodyKind;
  position: number;
  decides: boolean;
}

/**
 * The bodies a gate's case passes, in order, ending with the one that decides: the body the region
 * named for this kind of gate, else the owner, else the last body. A region without bodies has a
 * route of one step, the regionråd itself, so that a case always has someone who holds it.
 */
export function caseRoute(
  bodies: readonly RegionBodyLike[],
  deciders: Partial<Record<PhaseKey, string>>,
  phaseKey: PhaseKey,
  fallbackName: string,
): RouteStep[] {
  const ordered = [...bodies].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  if (ordered.length === 0) return [{ bodyId: '', bodyName: fallbackName, bodyKind: 'regionrad', position: 0, decides: true }];
  // A decider that is no longer among the bodies counts as not named: the owner decides.
  const named = ordered.findIndex((b) => b.id === deciders[phaseKey]);
  const owner = ordered.findIndex((b) => b.isOwner);
  const end = named >= 0 ? named : owner >= 0 ? owner : ordered.length - 1;
  return ordered.slice(0, end + 1).map((b, i) => ({
    bodyId: b.id,
    bodyName: b.name,
    bodyKind: b.kind,
    position: i,
    decides: i === end,
  }));
}

export interface CaseStepLike {
  id: string;
  position: number;
  decides: boolean;
  handledAt: string | null;
}

/** The step holding the case now: the first one not yet handled (null once the deciding body has decided). */
export function currentStep<T extends CaseStepLike>(steps: readonly T[]): T | null {
  return [...steps].sort((a, b) => a.position - b.position).find((s) => s.handledAt === null) ?? null;
}

/** Why a step cannot be handled now, or null: the bodies before it must have handled the case first. */
export function stepOrderProblem(
  steps: readonly CaseStepLike[],
  stepId: string,
): 'not_found' | 'already_handled' | 'earlier_pending' | null {
  const step = steps.find((s) => s.id === stepId);
  if (!step) return 'not_found';
  if (step.handledAt !== null) return 'already_handled';
  return steps.some((s) => s.position < step.position && s.handledAt === null) ? 'earlier_pending' : null;
}

// ---------------------------------------------------------------------------------------------------
// Each kommunestyre's decision

export const KOMMUNE_CASE_OUTCOMES = ['pending', 'yes', 'yes_with_changes', 'no', 'not_handled'] as const;
export type KommuneCaseOutcome = (typeof KOMMUNE_CASE_OUTCOMES)[number];
/** Outcomes a person records (pending is where every case starts). */
export const KOMMUNE_DECISIONS = ['yes', 'yes_with_changes', 'no', 'not_handled'] as const;
export type KommuneDecision = (typeof KOMMUNE_DECISIONS)[number];

/** How long the kommuner get by default, from the submission to the deadline. */
export const DEFAULT_KOMMUNE_DEADLINE_DAYS = 42;
/** Days before a kommunestyre's deadline when its contact is reminded. */
export const KOMMUNE_DEADLINE_REMINDER_DAYS = 14;

export interface KommuneCaseLike {
  kommuneId: string;
  kommuneName: string;
  share: number;
  outcome: KommuneCaseOutcome;
  amountCommitted: number | null;
  deadline: IsoDate;
}

export interface KommuneDecisionSummary {
  total: number;
  decided: number;
  yes: number;
  yesWithChanges: number;
  no: number;
  notHandled: number;
  pending: number;
  /** Pending cases whose deadline has passed. */
  overdue: number;
  shareTotal: number;
  committed: number;
  /** What the kommuner's shares lack in commitments (never negative). */
  gap: number;
}

/** "5 of 7 kommunestyrer have decided, 1 said no": the counts and the money behind them. */
export function summariseKommuneCases(cases: readonly KommuneCaseLike[], today: IsoDate): KommuneDecisionSummary {
  const count = (o: KommuneCaseOutcome) => cases.filter((c) => c.outcome === o).length;
  const shareTotal = cases.reduce((s, c) => s + c.share, 0);
  const committed = cases.reduce((s, c) => s + committedAmount(c), 0);
  return {
    total: cases.length,
    decided: cases.filter((c) => c.outcome !== 'pending').length,
    yes: count('yes'),
    yesWithChanges: count('yes_with_changes'),
    no: count('no'),
    notHandled: count('not_handled'),
    pending: count('pending'),
    overdue: cases.filter((c) => c.outcome === 'pending' && c.deadline < today).length,
    shareTotal,
    committed,
    gap: Math.max(0, shareTotal - committed),
  };
}

/** What a kommune has committed: the amount it recorded, else its share for a plain yes, else nothing. */
export function committedAmount(c: Pick<KommuneCaseLike, 'outcome' | 'amountCommitted' | 'share'>): number {
  if (c.outcome === 'yes' || c.outcome === 'yes_with_changes') return c.amountCommitted ?? (c.outcome === 'yes' ? c.share : 0);
  return 0;
}

/** The kommuner that will not take part in the next phase: those that said no. */
export function leavingKommuneIds(cases: readonly Pick<KommuneCaseLike, 'kommuneId' | 'outcome'>[]): string[] {
  return cases.filter((c) => c.outcome === 'no').map((c) => c.kommuneId);
}

/**
 * The consequence of a "no": the same total shared among the kommuner that go on, by the same rule.
 * Returns null when nobody leaves or nobody is left.
 */
export function shareAmongContinuing(
  input: { total: number; equalPercent: number; kommuner: readonly CostShareKommune[] },
  leaving: readonly string[],
): CostShare | null {
  if (leaving.length === 0) return null;
  const kommuner = input.kommuner.filter((k) => !leaving.includes(k.id));
  if (kommuner.length === 0) return null;
  return shareCosts({ ...input, kommuner });
}

// ---------------------------------------------------------------------------------------------------
// Conditions of an approval

export const CONDITION_STATES = ['open', 'met', 'waived'] as const;
export type ConditionState = (typeof CONDITION_STATES)[number];

/** The conditions of an approval, one per line of the decision's conditions text (blank lines and list marks dropped). */
export function splitConditions(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/, '').trim())
    .filter((l) => l.length > 0);
}

// ---------------------------------------------------------------------------------------------------
// What a send-back reopens

export interface ReopenRequest {
  deliverableIds: string[];
  /** Plan section keys of the next phase's plan. */
  planSections: string[];
  budget: boolean;
}

/** What a submission held, to show what changed at the next one. */
export interface GatePackage {
  deliverables: { id: string; key: string | null; title: string; version: number; state: string }[];
  plan: { snapshotNumber: number | null; missing: number; version: number } | null;
  budget: { costs: number; financing: number } | null;
}

export interface PackageChange {
  kind: 'deliverable' | 'plan' | 'budget';
  id: string;
  title: string;
}

/** What differs between two submissions' packages (items whose version or figures moved). */
export function packageChanges(before: GatePackage | null, after: GatePackage | null): PackageChange[] {
  if (!before || !after) return [];
  const changes: PackageChange[] = [];
  for (const d of after.deliverables) {
    const old = before.deliverables.find((x) => x.id === d.id);
    if (!old || old.version !== d.version) changes.push({ kind: 'deliverable', id: d.id, title: d.title });
  }
  if (after.plan && before.plan?.version !== after.plan.version) changes.push({ kind: 'plan', id: 'plan', title: 'plan' });
  if (after.budget && (before.budget?.costs !== after.budget.costs || before.budget?.financing !== after.budget.financing)) {
    changes.push({ kind: 'budget', id: 'budget', title: 'budget' });
  }
  return changes;
}

/** An outcome a body may recommend (innstilling) is one the deciding body may decide. */
export type Recommendation = DecisionOutcome;
