/**
 * Status reports: the project leader's periodic report on overall status, progress, economy and risk,
 * each rated green, yellow or red with a comment. Reports are monthly; a period is written 'YYYY-MM'.
 */
import type { IsoDate } from './dates';

export const STATUS_COLOURS = ['green', 'yellow', 'red'] as const;
export type StatusColour = (typeof STATUS_COLOURS)[number];

export const REPORT_ASPECTS = ['overall', 'progress', 'economy', 'risk'] as const;
export type ReportAspect = (typeof REPORT_ASPECTS)[number];

export const REPORT_STATES = ['draft', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** A reporting period: a calendar month 'YYYY-MM'. */
export type ReportPeriod = string;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isStatusColour(value: unknown): value is StatusColour {
  return typeof value === 'string' && (STATUS_COLOURS as readonly string[]).includes(value);
}

export function isReportPeriod(value: string): value is ReportPeriod {
  return PERIOD.test(value);
}

/** The period (month) a date falls in: '2026-11-23' → '2026-11'. */
export function periodOf(date: IsoDate): ReportPeriod {
  return date.slice(0, 7);
}

export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return shiftPeriod(period, -1);
}

export function nextPeriod(period: ReportPeriod): ReportPeriod {
  return shiftPeriod(period, 1);
}

export function shiftPeriod(period: ReportPeriod, months: number): ReportPeriod {
  const m = PERIOD.exec(period);
  if (!m) throw new Error(`Not a report period: ${period}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of the period. */
export function periodStart(period: ReportPeriod): IsoDate {
  return `${period}-01`;
}

/** The last day of the period. */
export function periodEnd(period: ReportPeriod): IsoDate {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** The colours of a report, as stored; a draft may still lack some. */
export type ReportColours = Record<ReportAspect, StatusColour | null>;

/** What the publishing rules look at: the colours, their comments, the economy's figures and the period. */
export interface ReportContent {
  period: ReportPeriod;
  colours: ReportColours;
  comments: Record<ReportAspect, string>;
  budgetTotal: number | null;
  spentToDate: number | null;
  forecast: number | null;
}

export const REPORT_FIGURES = ['budgetTotal', 'spentToDate', 'forecast'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/** Why a report cannot be published yet; each kind has its own message on both sides. */
export type ReportProblem =
  | { kind: 'periodNotOver'; period: ReportPeriod; publishableFrom: IsoDate }
  | { kind: 'colourMissing'; aspect: ReportAspect }
  | { kind: 'commentMissing'; aspect: ReportAspect; colour: Exclude<StatusColour, 'green'> }
  | { kind: 'figureInvalid'; figure: ReportFigure };

/** The first day a report on the period may be published: the 1st of the next month (Oslo time). */
export function firstPublishableDay(period: ReportPeriod): IsoDate {
  return periodStart(nextPeriod(period));
}

/** A report looks back on a month: it is published once that month is over (drafts may be written during it). */
export function isPeriodOver(period: ReportPeriod, today: IsoDate): boolean {
  return today >= firstPublishableDay(period);
}

/** A yellow or red aspect must say why: the aspects that are yellow or red with a blank comment. */
export function aspectsLackingComment(report: Pick<ReportContent, 'colours' | 'comments'>): ReportAspect[] {
  return REPORT_ASPECTS.filter((a) => {
    const colour = report.colours[a];
    return colour !== null && colour !== 'green' && report.comments[a].trim() === '';
  });
}

/**
 * What stands in the way of publishing, in the order the form shows it: a month not yet over, an aspect
 * without a colour, a yellow or red aspect without a comment, a figure that is not whole, non-negative kroner.
 * `today` is the date in Oslo.
 */
export function reportProblems(report: ReportContent, today: IsoDate): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (isReportPeriod(report.period) && !isPeriodOver(report.period, today))
    problems.push({ kind: 'periodNotOver', period: report.period, publishableFrom: firstPublishableDay(report.period) });
  for (const aspect of REPORT_ASPECTS) if (!report.colours[aspect]) problems.push({ kind: 'colourMissing', aspect });
  for (const aspect of aspectsLackingComment(report))
    problems.push({ kind: 'commentMissing', aspect, colour: report.colours[aspect] as Exclude<StatusColour, 'green'> });
  for (const figure of REPORT_FIGURES) {
    const value = report[figure];
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) problems.push({ kind: 'figureInvalid', figure });
  }
  return problems;
}

/** A problem in English, for API users and logs (the web translates the kinds itself). */
export function describeReportProblem(problem: ReportProblem): string {
  switch (problem.kind) {
    case 'periodNotOver':
      return `${problem.period} is not over; its report can be published from ${problem.publishableFrom}`;
    case 'colourMissing':
      return `${problem.aspect} has no colour`;
    case 'commentMissing':
      return `${problem.aspect} is ${problem.colour} but has no comment saying why`;
    case 'figureInvalid':
      return `${problem.figure} must be a whole, non-negative number of kroner`;
  }
}

const SEVERITY: Record<StatusColour, number> = { green: 0, yellow: 1, red: 2 };

/** The most severe of some colours (red over yellow over green); null when none is set. */
export function worstColour(colours: readonly (StatusColour | null | undefined)[]): StatusColour | null {
  let worst: StatusColour | null = null;
  for (const c of colours) if (c && (worst === null || SEVERITY[c] > SEVERITY[worst])) worst = c;
  return worst;
}

export function colourSeverity(colour: StatusColour | null): number {
  return colour ? SEVERITY[colour] : -1;
}

/**
 * The default period of a new report: the month after the latest report, or, for the first report, the
 * month before today's (reports look back on a month that has ended) unless the project began this
 * month. Null when that month has not begun.
 */
export function defaultReportPeriod(latest: ReportPeriod | null, today: IsoDate, startedOn: IsoDate | null = null): ReportPeriod | null {
  const current = periodOf(today);
  let candidate = latest ? nextPeriod(latest) : previousPeriod(current);
  if (!latest && startedOn && periodEnd(candidate) < startedOn) candidate = current;
  return candidate <= current ? candidate : null;
}
