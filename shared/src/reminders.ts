/**
 * When the product reminds people. Each reminder has a kind, a target and a period; the same
 * (kind, target, recipient, period) is sent once, so the period sets how often a reminder repeats.
 */
import type { IsoDate } from './dates';
import { KOMMUNE_DEADLINE_REMINDER_DAYS, type KommuneCaseOutcome } from './gate-case';
import { durationStatus, PhaseKey, phaseSpec } from './plp';
import type { DeliverableState } from './plp';
import { isOverdue } from './portfolio';
import { periodOf, previousPeriod, ReportPeriod } from './status-report';

export const REMINDER_KINDS = [
  'deliverable_due_soon',
  'deliverable_overdue',
  'phase_too_long',
  'gate_awaiting_decision',
  'status_report_due',
  'kommune_deadline_near',
  'condition_due',
  'benefit_measurement_due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Hand-overs in a gate's case: someone else must act next. */
export const HANDOVER_KINDS = ['gate_submitted', 'case_at_body', 'gate_decided', 'deliverable_reviewed', 'kommune_case_opened'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** What a notification is about: a mention in a comment, a hand-over, or one of the reminders. */
export const NOTIFICATION_KINDS = [
  'mention',
  'deliverable_due_soon',
  'deliverable_overdue',
  'phase_too_long',
  'gate_awaiting_decision',
  'status_report_due',
  ...HANDOVER_KINDS,
  'kommune_deadline_near',
  'condition_due',
  'benefit_measurement_due',
] as const satisfies readonly ('mention' | ReminderKind | HandoverKind)[];
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Days before the due date when the owner is reminded. */
export const DUE_SOON_DAYS = 7;
/** The day of the month by which last month's status report should be published. */
export const STATUS_REPORT_DUE_DAY = 5;

export interface ReminderDecision {
  kind: ReminderKind;
  /** Repeats once per distinct period. */
  period: string;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO 8601 week of a date, as '2026-W48'. */
export function isoWeek(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day); // the Thursday of this week decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * A deliverable due within DUE_SOON_DAYS is reminded once per due date; an overdue one once a week
 * until it is done. Only deliverables still being written (draft, returned) are reminded: a submitted
 * one waits for the regionråd, and accepted or not-required ones are done.
 */
export function deliverableReminder(d: { dueDate: IsoDate | null; state: DeliverableState }, today: IsoDate): ReminderDecision | null {
  if (!d.dueDate || (d.state !== 'draft' && d.state !== 'returned')) return null;
  if (isOverdue(d, today)) return { kind: 'deliverable_overdue', period: isoWeek(today) };
  if (d.dueDate <= addDays(today, DUE_SOON_DAYS)) return { kind: 'deliverable_due_soon', period: d.dueDate };
  return null;
}

/** A phase in progress past its recommended length is reminded once a month. */
export function phaseTooLongReminder(phase: { key: PhaseKey; actualStart: IsoDate | null }, today: IsoDate): ReminderDecision | null {
  const duration = durationStatus(phaseSpec(phase.key), phase.actualStart, today);
  return duration.status === 'long' ? { kind: 'phase_too_long', period: periodOf(today) } : null;
}

/** A gate waiting for the regionråd is reminded once a week. */
export function gateAwaitingReminder(today: IsoDate): ReminderDecision {
  return { kind: 'gate_awaiting_decision', period: isoWeek(today) };
}

/**
 * Last month's status report is due by the STATUS_REPORT_DUE_DAY: from then on, a project that was
 * running last month and has no published report for it is reminded (once for that month).
 */
export function statusReportReminder(
  input: { publishedPeriods: readonly ReportPeriod[]; runningSince: IsoDate },
  today: IsoDate,
): ReminderDecision | null {
  if (Number(today.slice(8, 10)) < STATUS_REPORT_DUE_DAY) return null;
  const due = previousPeriod(periodOf(today));
  if (periodOf(input.runningSince) > due) return null;
  if (input.publishedPeriods.includes(due)) return null;
  return { kind: 'status_report_due', period: due };
}

/**
 * A kommunestyre's case still pending: from KOMMUNE_DEADLINE_REMINDER_DAYS before its deadline the
 * kommune contacts and the secretariat are reminded once a week; once the deadline has passed, once more
 * (the period 'overdue'), so that someone records "not handled by the deadline".
 */
export function kommuneDeadlineReminder(c: { deadline: IsoDate; outcome: KommuneCaseOutcome }, today: IsoDate): ReminderDecision | null {
  if (c.outcome !== 'pending') return null;
  if (c.deadline < today) return { kind: 'kommune_deadline_near', period: 'overdue' };
  if (c.deadline <= addDays(today, KOMMUNE_DEADLINE_REMINDER_DAYS)) return { kind: 'kommune_deadline_near', period: isoWeek(today) };
  return null;
}

/**
 * An open condition of an approval, due within DUE_SOON_DAYS: reminded once per due date; overdue: once a
 * week until it is met or waived. A condition without a due date is followed up at the next gate only.
 */
export function conditionReminder(
  c: { dueDate: IsoDate | null; state: 'open' | 'met' | 'waived' },
  today: IsoDate,
): ReminderDecision | null {
  if (!c.dueDate || c.state !== 'open') return null;
  if (c.dueDate < today) return { kind: 'condition_due', period: isoWeek(today) };
  if (c.dueDate <= addDays(today, DUE_SOON_DAYS)) return { kind: 'condition_due', period: c.dueDate };
  return null;
}
