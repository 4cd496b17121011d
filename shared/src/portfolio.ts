/**
 * The adviser's portfolio: one row per project with where it stands. PostgreSQL filters, sorts and pages
 * it (server/src/portfolio/portfolio.queries.ts); these are the keys, orders and rules both sides share.
 */
import type { IsoDate } from './dates';
import type { DeliverableState, DurationStatus, PhaseState, ProjectStatus } from './plp';

/** States in which a deliverable is done with: it can no longer be late. */
const DONE_STATES: readonly DeliverableState[] = ['accepted', 'not_required'];

/** A deliverable is overdue when its due date has passed and it is neither accepted nor marked not required. */
export function isOverdue(d: { dueDate: IsoDate | null; state: DeliverableState }, today: IsoDate): boolean {
  return d.dueDate !== null && d.dueDate < today && !DONE_STATES.includes(d.state);
}

/** What the portfolio can be sorted on; ties go by project name, region name and id, rows without a value last. */
export const PORTFOLIO_SORT_KEYS = ['name', 'region', 'phase', 'monthsInPhase', 'overdue', 'nextGateDate'] as const;
export type PortfolioSortKey = (typeof PORTFOLIO_SORT_KEYS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

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

/** How a phase's length reads for people: its duration status, or 'under_way' (see durationReading). */
export type DurationReading = DurationStatus | 'under_way';

/**
 * A phase's length as the portfolio and its export say it. A phase still in progress that has not yet
 * reached the recommended minimum is under way, not "shorter than recommended" (that it started this
 * month says nothing about its length); only a phase that has ended its work (awaiting the decision)
 * short of the minimum is short. "Longer than recommended" holds as soon as it is true.
 */
export function durationReading(status: DurationStatus, phaseState: PhaseState | null): DurationReading {
  return status === 'short' && phaseState === 'in_progress' ? 'under_way' : status;
}
