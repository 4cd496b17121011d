/**
 * The adviser's portfolio: one row per project with where it stands. The server filters and sorts with
 * these rules, and the web app can re-sort what it has without asking again.
 */
import { compareNb, type IsoDate } from './dates';
import type { DeliverableState, DurationStatus, PhaseKey, PhaseState, ProjectStatus } from './plp';
import { PHASE_KEYS } from './plp';

/** States in which a deliverable is done with: it can no longer be late. */
const DONE_STATES: readonly DeliverableState[] = ['accepted', 'not_required'];

/** A deliverable is overdue when its due date has passed and it is neither accepted nor marked not required. */
export function isOverdue(d: { dueDate: IsoDate | null; state: DeliverableState }, today: IsoDate): boolean {
  return d.dueDate !== null && d.dueDate < today && !DONE_STATES.includes(d.state);
}

export const PORTFOLIO_SORT_KEYS = ['name', 'region', 'phase', 'monthsInPhase', 'overdue', 'nextGateDate'] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The fields of a portfolio row that filtering and sorting read. */
export interface PortfolioRowFacts {
  name: string;
  regionId: string;
  regionName: string;
  counties: string[];
  status: ProjectStatus;
  currentPhaseKey: PhaseKey | null;
  currentPhaseState: PhaseState | null;
  monthsInPhase: number | null;
  durationStatus: DurationStatus;
  overdueDeliverables: number;
  nextGate: { phaseKey: PhaseKey; expectedDate: IsoDate | null } | null;
}

export interface PortfolioFilter {
  county?: string;
  regionId?: string;
  /** The phase the project is in now. */
  phase?: PhaseKey;
  status?: ProjectStatus;
}

export function filterPortfolio<T extends PortfolioRowFacts>(rows: readonly T[], filter: PortfolioFilter): T[] {
  return rows.filter(
    (r) =>
      (!filter.county || r.counties.includes(filter.county)) &&
      (!filter.regionId || r.regionId === filter.regionId) &&
      (!filter.phase || r.currentPhaseKey === filter.phase) &&
      (!filter.status || r.status === filter.status),
  );
}

/** Compares two optional values; a missing value sorts last in either order. */
type Key = string | number | null;

function sortKey(row: PortfolioRowFacts, key: PortfolioSortKey): Key {
  switch (key) {
    case 'name':
      return row.name;
    case 'region':
      return row.regionName;
    case 'phase':
      return row.currentPhaseKey
        ? PHASE_KEYS.indexOf(row.currentPhaseKey) * 10 + (row.currentPhaseState === 'awaiting_decision' ? 1 : 0)
        : null;
    case 'monthsInPhase':
      return row.monthsInPhase;
    case 'overdue':
      return row.overdueDeliverables;
    case 'nextGateDate':
      return row.nextGate?.expectedDate ?? null;
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareNb(String(a), String(b));
}

/**
 * Sorts rows by a key, ascending or descending; rows without a value (no current phase, no planned end)
 * come last either way, and ties go by project name.
 */
export function sortPortfolio<T extends PortfolioRowFacts>(
  rows: readonly T[],
  key: PortfolioSortKey = 'name',
  order: SortOrder = 'asc',
): T[] {
  const sign = order === 'desc' ? -1 : 1;
  return [...rows].sort((x, y) => {
    const a = sortKey(x, key);
    const b = sortKey(y, key);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else {
      const c = compareKeys(a, b);
      if (c !== 0) return sign * c;
    }
    return compareNb(x.name, y.name) || compareNb(x.regionName, y.regionName);
  });
}

/** Who a project waits on now: its leader (the phase is being worked on), a body (its gate is at that body), the kommunestyrer, or no one. */
export const WAITING_ON_KINDS = ['leader', 'body', 'kommuner', 'none'] as const;
export type WaitingOnKind = (typeof WAITING_ON_KINDS)[number];

export interface WaitingOn {
  kind: WaitingOnKind;
  /** The leader's or the body's name (null for the kommuner, no one, or a project without a leader). */
  name: string | null;
  /** Since when: the phase's start, the day the case reached the body, the submission. */
  since: IsoDate | null;
}

/** A gate's case awaiting decision, as the portfolio reads it. */
export interface WaitingCase {
  submittedOn: IsoDate;
  /** The first body that has not handled the case; null when the case has no route (or every body has handled it). */
  bodyName: string | null;
  /** That body decides the gate. */
  bodyDecides: boolean;
  /** When the body before it handled the case (null for the first body). */
  bodySince: IsoDate | null;
  /** Kommunestyre cases of the submission without a decision yet. */
  kommunerPending: number;
}

/**
 * What a project waits on. A gate's case waits on the body holding it; once it has reached the deciding
 * body (or the region's council, when the region has no route) while kommunestyrer have still not
 * decided, it waits on the kommuner, whose decisions the deciding body needs. A phase in progress waits
 * on its leader; a completed or stopped project on no one.
 */
export function waitingOn(p: {
  status: ProjectStatus;
  phaseState: PhaseState | null;
  phaseStartedOn: IsoDate | null;
  leaderName: string | null;
  councilName: string;
  pendingCase: WaitingCase | null;
}): WaitingOn {
  if (p.status !== 'active') return { kind: 'none', name: null, since: null };
  if (p.phaseState === 'awaiting_decision') {
    const c = p.pendingCase;
    if (!c) return { kind: 'body', name: p.councilName, since: null };
    const atDecider = c.bodyName === null || c.bodyDecides;
    if (atDecider && c.kommunerPending > 0) return { kind: 'kommuner', name: null, since: c.submittedOn };
    return { kind: 'body', name: c.bodyName ?? p.councilName, since: c.bodySince ?? c.submittedOn };
  }
  return { kind: 'leader', name: p.leaderName, since: p.phaseState === 'in_progress' ? p.phaseStartedOn : null };
}
