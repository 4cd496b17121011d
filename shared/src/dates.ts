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

/** Today's date in Norway (Europe/Oslo), as 'YYYY-MM-DD'. */
export function todayInOslo(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(now);
}

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
