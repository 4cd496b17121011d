/** A calendar date as 'YYYY-MM-DD' (no time, no zone): how dates travel between server and web. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the string is a real calendar date in 'YYYY-MM-DD' form (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Built once: a formatter costs far more to make than to use (it showed in the portfolio's CPU profile).
const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });
const OSLO_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', hourCycle: 'h23' });

/** Today's date in Norway (Europe/Oslo), as 'YYYY-MM-DD'. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return OSLO_DATE.format(now);
}

/** The hour (0–23) in Norway at this moment: daily jobs start from an Oslo hour. */
export function osloHour(now: Date = new Date()): number {
  return Number(OSLO_HOUR.format(now));
}

/** Norwegian alphabetical order (æ, ø, å last; numbers by value), for sorting names. Built once. */
const NB_COLLATOR = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
export const compareNb = (a: string, b: string): number => NB_COLLATOR.compare(a, b);

/** An inclusive period of dates; `to` null means open-ended. ISO strings compare correctly as text. */
export interface DatePeriod {
  from: IsoDate;
  to: IsoDate | null;
}

export function periodContains(period: DatePeriod, date: IsoDate): boolean {
  return period.from <= date && (period.to === null || date <= period.to);
}

export function periodsOverlap(a: DatePeriod, b: DatePeriod): boolean {
  return (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);
}

export function isValidPeriod(period: DatePeriod): boolean {
  return period.to === null || period.from <= period.to;
}

/** A date as Norwegians write it in tables and messages: 24.03.2026. */
export function numericDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
