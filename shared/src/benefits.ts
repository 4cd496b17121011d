/**
 * The benefits register of a project (gevinstrealisering; DOMAIN.md "Following through"): each benefit
 * (gevinst), often under one of the plan's benefit areas (gevinstområder), has an owner and one or more
 * indicators (unit, start value and date, target value and date), measured over time, also after the
 * project has ended. Pure rules shared by the server (to decide) and the web app (to show): how far an
 * indicator has come towards its target and whether that is on track, who may change the register and
 * record measurements, and when an owner is reminded to measure.
 */
import { canOnProject, type RoleAssignment } from './access';
import type { IsoDate } from './dates';
import type { PlanContent, TemplateSection, TemplateText } from './plan';
import { templateText } from './template-text';
import type { ReminderDecision } from './reminders';

/**
 * - no_measurement: nothing measured yet;
 * - reached: the latest measurement is at the target or beyond it (in the target's direction);
 * - on_track: at least as far along the way from start to target as the time from start date to target date;
 * - behind: less far along than the time (and so also when the target date has passed without reaching it).
 */
export const BENEFIT_TRENDS = ['no_measurement', 'on_track', 'behind', 'reached'] as const;
export type BenefitTrend = (typeof BENEFIT_TRENDS)[number];

/** What the trend rule needs of an indicator (the server's rows and the web's DTOs both fit). */
export interface IndicatorTarget {
  startValue: number;
  startDate: IsoDate;
  targetValue: number;
  targetDate: IsoDate;
}

export interface MeasurementPoint {
  date: IsoDate;
  value: number;
}

export interface IndicatorTrendResult {
  trend: BenefitTrend;
  /** The measurement the trend is read from: the one with the latest date; null when none. */
  latest: MeasurementPoint | null;
  /**
   * Share of the way from start to target the latest measurement has come: 0 at the start value, 1 at the
   * target, below 0 when it went the wrong way, above 1 beyond the target. Null when nothing is measured.
   */
  share: number | null;
  /** Share of the time from start date to target date that had passed on the latest measurement's date (0–1); null when none. */
  expected: number | null;
}

/**
 * Share of the way from start to target a value has come. The direction follows the target: for a
 * decreasing target (e.g. days of case handling from 42 to 21), 35 days is a third of the way. A target
 * equal to its start (the API refuses it, but old data may have it) counts as reached at the value and not
 * at all elsewhere.
 */
export function shareOfWay(target: Pick<IndicatorTarget, 'startValue' | 'targetValue'>, value: number): number {
  const span = target.targetValue - target.startValue;
  if (span === 0) return value === target.targetValue ? 1 : 0;
  const share = (value - target.startValue) / span;
  return share === 0 ? 0 : share; // never -0
}

/** Days from a to b (b − a), on the calendar. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Share of the time from start date to target date that has passed on `date`, between 0 and 1. */
export function shareOfTime(target: Pick<IndicatorTarget, 'startDate' | 'targetDate'>, date: IsoDate): number {
  const total = daysBetween(target.startDate, target.targetDate);
  if (total <= 0) return date >= target.targetDate ? 1 : 0;
  return Math.min(1, Math.max(0, daysBetween(target.startDate, date) / total));
}

/**
 * The latest measurement (the latest date; of two on one date the later in the list) and its trend
 * against the target. Reached wins over everything; otherwise the measurement is on track when it has
 * come at least as far along the way as the time had come on its date, and behind when not. Read from
 * the latest measurement only: a single bad year after good ones shows as behind.
 */
export function indicatorTrend(target: IndicatorTarget, measurements: readonly MeasurementPoint[]): IndicatorTrendResult {
  let latest: MeasurementPoint | null = null;
  for (const m of measurements) if (!latest || m.date >= latest.date) latest = m;
  if (!latest) return { trend: 'no_measurement', latest: null, share: null, expected: null };
  const share = shareOfWay(target, latest.value);
  const expected = shareOfTime(target, latest.date);
  const trend: BenefitTrend = share >= 1 ? 'reached' : share >= expected ? 'on_track' : 'behind';
  return { trend, latest, share, expected };
}

/**
 * The trend of a benefit, from its open indicators' trends: behind if any is behind, else on track if any
 * is, else reached if every one measured is reached, else no measurement. Closed indicators do not count
 * unless every indicator is closed.
 */
export function benefitTrend(indicators: readonly { trend: BenefitTrend; closed: boolean }[]): BenefitTrend {
  const open = indicators.filter((i) => !i.closed);
  const counted = (open.length ? open : indicators).map((i) => i.trend);
  if (counted.includes('behind')) return 'behind';
  if (counted.includes('on_track')) return 'on_track';
  if (counted.includes('reached')) return 'reached';
  return 'no_measurement';
}

/** What the access rules need of a project. */
export interface BenefitProject {
  id: string;
  regionId: string;
  status: string;
}

/**
 * Who may change the register (benefits, their owners and indicators): while the project is active its
 * editors (the project leader and members) and the owner's side (the region's regionråd, admins); once it
 * has ended, the owner's side only: the register then lives on with the regionråd.
 */
export function mayEditBenefits(roles: readonly RoleAssignment[], project: BenefitProject): boolean {
  if (canOnProject(roles, project, 'decide')) return true;
  return project.status === 'active' && canOnProject(roles, project, 'edit');
}

/**
 * Who may record (and correct) a benefit's measurements: those who may change the register, and the
 * benefit's owner for as long as they may read the project, also after it has ended. Advisers read only.
 */
export function mayRecordMeasurement(
  roles: readonly RoleAssignment[],
  project: BenefitProject,
  benefit: { ownerUserId: string | null },
  userId: string,
): boolean {
  if (mayEditBenefits(roles, project)) return true;
  return benefit.ownerUserId === userId && canOnProject(roles, project, 'read');
}

/** The same day one year earlier (29 February gives 28 February). */
export function oneYearBefore(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The yearly reminder to a benefit's owner: due when one of its open indicators has gone a year or more
 * without a measurement (counted from its latest measurement, or from its start date when it has none).
 * The period is the year, so an owner hears about a benefit at most once a calendar year, and again the
 * next year while it still goes unmeasured.
 */
export function benefitReminder(
  indicators: readonly { closed: boolean; startDate: IsoDate; lastMeasuredOn: IsoDate | null }[],
  today: IsoDate,
): ReminderDecision | null {
  const yearAgo = oneYearBefore(today);
  const due = indicators.some((i) => !i.closed && (i.lastMeasuredOn ?? i.startDate) <= yearAgo);
  return due ? { kind: 'benefit_measurement_due', period: today.slice(0, 4) } : null;
}

/** A plan field that holds benefit areas: the templates' `benefit_areas`, or a list labelled "Gevinst…". */
export function isBenefitAreaField(field: { key: string; label: TemplateText; kind: string }): boolean {
  return field.kind === 'list' && (field.key === 'benefit_areas' || /gevinst/i.test(templateText(field.label, 'nb')));
}

/**
 * The benefit areas (gevinstområder) written in the project's plans, in plan order (phase by phase, as
 * given), each once (compared without case and surrounding spaces); empty entries left out.
 */
export function planBenefitAreas(plans: readonly { sections: readonly TemplateSection[]; content: PlanContent | null }[]): string[] {
  const areas: string[] = [];
  const seen = new Set<string>();
  for (const plan of plans) {
    for (const section of plan.sections) {
      for (const field of section.fields.filter(isBenefitAreaField)) {
        const value = plan.content?.[section.key]?.[field.key];
        if (!Array.isArray(value)) continue;
        for (const item of value) {
          if (typeof item !== 'string' || !item.trim()) continue;
          const key = item.trim().toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          areas.push(item.trim());
        }
      }
    }
  }
  return areas;
}

/** Whether a benefit area is among the plans' areas (compared without case and surrounding spaces). */
export function isPlanBenefitArea(areas: readonly string[], area: string): boolean {
  const key = area.trim().toLowerCase();
  return areas.some((a) => a.trim().toLowerCase() === key);
}
