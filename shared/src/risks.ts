/**
 * The risk register of a project (PLP's uncertainty follow-up; DOMAIN.md "Following through"). Each risk
 * has a cause and a consequence, a probability and a consequence score (1–5) before and after measures,
 * a strategy, an owner, a proximity (the quarter it may occur in) and a status. Pure rules shared by the
 * server (to decide) and the web app (to show): scores and levels, the 5×5 heat map, the ranking of the
 * top risks, the checks of an assessment, and what changed between two status reports.
 */
import { canOnProject, type RoleAssignment } from './access';
import type { IsoDate } from './dates';

export const RISK_STRATEGIES = ['avoid', 'reduce', 'transfer', 'accept'] as const;
export type RiskStrategy = (typeof RISK_STRATEGIES)[number];

/** open: may still happen; closed: no longer a risk; occurred: it happened (now an issue to handle). */
export const RISK_STATUSES = ['open', 'closed', 'occurred'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** The scale of probability and consequence: 1 (very low) … 5 (very high). */
export const RISK_SCALE = [1, 2, 3, 4, 5] as const;
export type RiskScale = (typeof RISK_SCALE)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The heat map shows the scores before or after measures. */
export const RISK_BASES = ['before', 'after'] as const;
export type RiskBasis = (typeof RISK_BASES)[number];

export function isRiskScale(value: unknown): value is RiskScale {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

export interface RiskScores {
  probability: number;
  consequence: number;
}

/** The score of a cell: probability × consequence, 1–25. */
export function riskScore(s: RiskScores): number {
  return s.probability * s.consequence;
}

/**
 * The level of a score, as the usual 5×5 matrix colours it: low 1–4 (green), medium 5–9 (yellow), high
 * 10–25 (red). So a 5 in consequence is at least medium, and two fours are high.
 */
export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  return 'high';
}

/** What the pure rules need of a risk (the server's rows and the web's DTOs both fit). */
export interface RiskFacts {
  id: string;
  number: number;
  description: string;
  probabilityBefore: number;
  consequenceBefore: number;
  probabilityAfter: number | null;
  consequenceAfter: number | null;
  status: RiskStatus;
  proximity: string | null;
}

export function scoresBefore(r: Pick<RiskFacts, 'probabilityBefore' | 'consequenceBefore'>): RiskScores {
  return { probability: r.probabilityBefore, consequence: r.consequenceBefore };
}

/**
 * The scores after measures; a risk without an assessment after measures keeps its scores before (no
 * measure has changed it), so "after" is always the exposure that remains.
 */
export function scoresAfter(
  r: Pick<RiskFacts, 'probabilityBefore' | 'consequenceBefore' | 'probabilityAfter' | 'consequenceAfter'>,
): RiskScores {
  return r.probabilityAfter !== null && r.consequenceAfter !== null
    ? { probability: r.probabilityAfter, consequence: r.consequenceAfter }
    : scoresBefore(r);
}

export function scoresOn(r: RiskFacts, basis: RiskBasis): RiskScores {
  return basis === 'before' ? scoresBefore(r) : scoresAfter(r);
}

// ---------------------------------------------------------------------------------------------------
// An assessment's rules

/** Why an assessment does not hold, per field. */
export type RiskAssessmentProblem =
  /** probabilityAfter and consequenceAfter come together, or neither. */
  | 'after_needs_both'
  /** A measure lowers a risk: the score after cannot be above the score before. */
  | 'after_above_before'
  /** An assessment after measures needs the measures written down. */
  | 'after_needs_measures';

export interface RiskAssessmentInput {
  probabilityBefore: number;
  consequenceBefore: number;
  probabilityAfter: number | null;
  consequenceAfter: number | null;
  measures: string;
}

/** The problems of an assessment, each at the field to fix; empty when it holds. */
export function riskAssessmentProblems(a: RiskAssessmentInput): { field: keyof RiskAssessmentInput; problem: RiskAssessmentProblem }[] {
  const out: { field: keyof RiskAssessmentInput; problem: RiskAssessmentProblem }[] = [];
  const pa = a.probabilityAfter;
  const ca = a.consequenceAfter;
  if ((pa === null) !== (ca === null)) {
    out.push({ field: pa === null ? 'probabilityAfter' : 'consequenceAfter', problem: 'after_needs_both' });
    return out;
  }
  if (pa === null || ca === null) return out;
  if (pa > a.probabilityBefore) out.push({ field: 'probabilityAfter', problem: 'after_above_before' });
  if (ca > a.consequenceBefore) out.push({ field: 'consequenceAfter', problem: 'after_above_before' });
  if (a.measures.trim() === '') out.push({ field: 'measures', problem: 'after_needs_measures' });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Proximity: the quarter a risk may occur in

/**
 * Proximity is a calendar quarter, 'YYYY-Qn', not a date: when a risk may occur is an estimate, and a
 * date would claim a precision nobody has. Quarters match how phase plans and the monthly status
 * reports are read ("this quarter", "next quarter"), they sort as text, and they can be compared with
 * today to say whether a risk is near.
 */
export type RiskQuarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isRiskQuarter(value: unknown): value is RiskQuarter {
  return typeof value === 'string' && QUARTER.test(value);
}

/** The quarter of a day: '2026-12-03' → '2026-Q4'. */
export function quarterOf(date: IsoDate): RiskQuarter {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function shiftQuarter(quarter: RiskQuarter, by: number): RiskQuarter {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`Not a quarter: ${quarter}`);
  const index = Number(m[1]) * 4 + (Number(m[2]) - 1) + by;
  return `${String(Math.floor(index / 4)).padStart(4, '0')}-Q${(index % 4) + 1}`;
}

/** The year and quarter number of a quarter, for words like "3. kvartal 2026". */
export function quarterParts(quarter: RiskQuarter): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const m = QUARTER.exec(quarter);
  if (!m) throw new Error(`Not a quarter: ${quarter}`);
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

/** How near a risk's quarter is: passed, this quarter, next quarter, later, or not given. */
export type RiskProximityStatus = 'passed' | 'now' | 'next' | 'later' | 'unknown';

export function proximityStatus(quarter: RiskQuarter | null, today: IsoDate): RiskProximityStatus {
  if (!quarter || !isRiskQuarter(quarter)) return 'unknown';
  const current = quarterOf(today);
  if (quarter < current) return 'passed';
  if (quarter === current) return 'now';
  if (quarter === shiftQuarter(current, 1)) return 'next';
  return 'later';
}

// ---------------------------------------------------------------------------------------------------
// Ranking and the heat map

/**
 * The order of the top risks: the highest score after measures first; on a tie the larger consequence,
 * then the nearer quarter (none given last), then the register's number.
 */
export function compareRisks(a: RiskFacts, b: RiskFacts): number {
  const sa = scoresAfter(a);
  const sb = scoresAfter(b);
  return (
    riskScore(sb) - riskScore(sa) ||
    sb.consequence - sa.consequence ||
    compareQuarters(a.proximity, b.proximity) ||
    a.number - b.number ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function compareQuarters(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

export interface HeatMapCell {
  probability: RiskScale;
  consequence: RiskScale;
  score: number;
  level: RiskLevel;
  /** The open risks in the cell, by number. */
  riskNumbers: number[];
  count: number;
}

export interface HeatMap {
  basis: RiskBasis;
  /** Rows from probability 5 (top) to 1; each row's cells from consequence 1 (left) to 5. */
  rows: HeatMapCell[][];
  /** Open risks counted in the map. */
  open: number;
  /** Closed and occurred risks, which the map leaves out. */
  notOpen: number;
}

/** The 5×5 heat map of a register's open risks, on the scores before or after measures. */
export function heatMap(risks: readonly RiskFacts[], basis: RiskBasis): HeatMap {
  const open = risks.filter((r) => r.status === 'open');
  const rows = [...RISK_SCALE].reverse().map((probability) =>
    RISK_SCALE.map((consequence): HeatMapCell => {
      const numbers = open
        .filter((r) => {
          const s = scoresOn(r, basis);
          return s.probability === probability && s.consequence === consequence;
        })
        .map((r) => r.number)
        .sort((a, b) => a - b);
      const score = probability * consequence;
      return { probability, consequence, score, level: riskLevel(score), riskNumbers: numbers, count: numbers.length };
    }),
  );
  return { basis, rows, open: open.length, notOpen: risks.length - open.length };
}

// ---------------------------------------------------------------------------------------------------
// What changed between two status reports

export const RISK_CHANGE_KINDS = ['new', 'closed', 'occurred', 'reopened', 'score_up', 'score_down', 'removed'] as const;
export type RiskChangeKind = (typeof RISK_CHANGE_KINDS)[number];

export interface RiskChange {
  kind: RiskChangeKind;
  riskId: string;
  number: number;
  description: string;
  /** score_up/score_down: the score after measures in the earlier report and now. */
  fromScore: number | null;
  toScore: number | null;
}

/**
 * What changed in the register since an earlier report's frozen copy: risks added (new), taken out of
 * the register (removed), closed, occurred, reopened, and open risks whose score after measures went up
 * or down. A reopened risk can have two changes (reopened, and its score moved). Sorted by kind in the
 * order above, then by number.
 */
export function riskChanges(previous: readonly RiskFacts[], current: readonly RiskFacts[]): RiskChange[] {
  const before = new Map(previous.map((r) => [r.id, r]));
  const now = new Set(current.map((r) => r.id));
  const out: RiskChange[] = [];
  const change = (kind: RiskChangeKind, r: RiskFacts, fromScore: number | null = null, toScore: number | null = null) =>
    out.push({ kind, riskId: r.id, number: r.number, description: r.description, fromScore, toScore });
  for (const r of current) {
    const p = before.get(r.id);
    if (!p) {
      change('new', r);
      continue;
    }
    if (p.status !== r.status) {
      if (r.status === 'closed') change('closed', r);
      else if (r.status === 'occurred') change('occurred', r);
      else change('reopened', r);
    }
    // A score matters while the risk is open; closing or its occurring says more than a last assessment.
    if (r.status !== 'open') continue;
    const from = riskScore(scoresAfter(p));
    const to = riskScore(scoresAfter(r));
    if (to > from) change('score_up', r, from, to);
    if (to < from) change('score_down', r, from, to);
  }
  for (const p of previous) if (!now.has(p.id)) change('removed', p);
  const order = (k: RiskChangeKind) => RISK_CHANGE_KINDS.indexOf(k);
  return out.sort((a, b) => order(a.kind) - order(b.kind) || a.number - b.number);
}

// ---------------------------------------------------------------------------------------------------
// Who may write

/**
 * Who writes the register: those who edit the project (its leader and members, admins) and the owner's
 * secretariat (the regionråd of the region). Advisers and kommune contacts read it.
 */
export function mayEditRisks(roles: readonly RoleAssignment[], project: { id: string; regionId: string }): boolean {
  return canOnProject(roles, project, 'edit') || canOnProject(roles, project, 'decide');
}
