import { countyByNumber, CountyName } from './counties';

/** A kommune number: four digits, the first two being the county's number (e.g. 3303 Kongsberg in Buskerud). */
export const KOMMUNE_NUMBER_PATTERN = /^\d{4}$/;

export function isKommuneNumber(value: string): boolean {
  return KOMMUNE_NUMBER_PATTERN.test(value);
}

/** The county a kommune number belongs to, or undefined when its first two digits name no current county. */
export function countyOfKommuneNumber(number: string): CountyName | undefined {
  if (!isKommuneNumber(number)) return undefined;
  return countyByNumber(number.slice(0, 2));
}

/** Explains why a number and county do not fit together, or returns null when they do. */
export function kommuneNumberCountyMismatch(number: string, county: string): string | null {
  const expected = countyOfKommuneNumber(number);
  if (expected === undefined) {
    return `Kommune number ${number} does not begin with the number of a current county.`;
  }
  if (expected !== county) {
    return `Kommune number ${number} belongs to ${expected}, not ${county}.`;
  }
  return null;
}

/**
 * Kommune numbers over time (SSB's classification 131 in KLASS). A number is valid from a date up to,
 * not including, another (null: still valid). A kommune keeps one identity through renumbering: its
 * periods chain through changes where one old number became one new number.
 */
export interface KommuneNumberPeriod {
  number: string;
  name: string;
  /** ISO date, inclusive. */
  validFrom: string;
  /** ISO date, exclusive; null while valid. */
  validTo: string | null;
}

/** One row of KLASS's change table: on `on`, `oldNumber` became (part of) `newNumber`. */
export interface KommuneNumberChange {
  on: string;
  oldNumber: string;
  oldName: string;
  newNumber: string;
  newName: string;
}

export interface KommuneNumberCatalogue {
  periods: readonly KommuneNumberPeriod[];
  changes: readonly KommuneNumberChange[];
}

/** County numbers and names over time (all before and after the 2018, 2020 and 2024 reforms); numbers are never reused. */
const COUNTY_NAMES_EVER: Readonly<Record<string, string>> = {
  '01': 'Østfold',
  '02': 'Akershus',
  '03': 'Oslo',
  '04': 'Hedmark',
  '05': 'Oppland',
  '06': 'Buskerud',
  '07': 'Vestfold',
  '08': 'Telemark',
  '09': 'Aust-Agder',
  '10': 'Vest-Agder',
  '11': 'Rogaland',
  '12': 'Hordaland',
  '14': 'Sogn og Fjordane',
  '15': 'Møre og Romsdal',
  '16': 'Sør-Trøndelag',
  '17': 'Nord-Trøndelag',
  '18': 'Nordland',
  '19': 'Troms',
  '20': 'Finnmark',
  '30': 'Viken',
  '31': 'Østfold',
  '32': 'Akershus',
  '33': 'Buskerud',
  '34': 'Innlandet',
  '38': 'Vestfold og Telemark',
  '39': 'Vestfold',
  '40': 'Telemark',
  '42': 'Agder',
  '46': 'Vestland',
  '50': 'Trøndelag',
  '54': 'Troms og Finnmark',
  '55': 'Troms',
  '56': 'Finnmark',
};

/** The county a kommune number belonged to while it was valid (also for numbers of former counties). */
export function countyOfNumberEver(number: string): string | undefined {
  return isKommuneNumber(number) ? COUNTY_NAMES_EVER[number.slice(0, 2)] : undefined;
}

function covers(p: KommuneNumberPeriod, date: string): boolean {
  return p.validFrom <= date && (p.validTo === null || date < p.validTo);
}

/** The number (with its name) valid on `date` among a kommune's periods, or undefined when none was. */
export function numberValidOn(periods: readonly KommuneNumberPeriod[], date: string): KommuneNumberPeriod | undefined {
  return periods.find((p) => covers(p, date));
}

/**
 * The numbers a number in use on `date` has become by `until` (default: the newest the catalogue knows):
 * one number after renumberings and mergers, several after a split, the number itself when it never changed.
 * A number that only came into use after `date` (an export that lists a year under newer codes) is followed
 * from its first day.
 */
export function successorNumbers(catalogue: KommuneNumberCatalogue, number: string, date: string, until?: string): string[] {
  const start = catalogue.periods.some((p) => p.number === number && covers(p, date))
    ? date
    : catalogue.periods
        .filter((p) => p.number === number && p.validFrom > date)
        .map((p) => p.validFrom)
        .sort()[0];
  if (start === undefined) return [];
  const result = new Set<string>();
  const walk = (n: string, from: string, depth: number): void => {
    const next = catalogue.changes.filter(
      (c) => c.oldNumber === n && c.newNumber !== n && c.on > from && (until === undefined || c.on <= until),
    );
    if (next.length === 0 || depth > 20) {
      result.add(n);
      return;
    }
    // Changes on one day move the whole number; take the earliest day only.
    const day = next.reduce((d, c) => (c.on < d ? c.on : d), next[0].on);
    for (const c of next.filter((c) => c.on === day)) walk(c.newNumber, day, depth + 1);
  };
  walk(number, start, 0);
  return [...result].sort();
}

/**
 * A kommune's own numbers over time, newest first, for the kommune whose number is `current`: the number's
 * periods, and before them those of the number it was renumbered from (one old number to one new, nothing
 * else joining or leaving), and so on back. Mergers and splits end the chain; see {@link predecessorChanges}.
 */
export function numberHistory(catalogue: KommuneNumberCatalogue, current: string): KommuneNumberPeriod[] {
  const out: KommuneNumberPeriod[] = [];
  let number: string | undefined = current;
  let before = '9999-12-31';
  for (let depth = 0; number !== undefined && depth < 20; depth++) {
    const n: string = number;
    const own = catalogue.periods
      .filter((p) => p.number === n && p.validFrom < before)
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    // Only the unbroken run of periods up to `before`.
    let edge = before;
    for (const p of own) {
      if (edge !== '9999-12-31' && p.validTo !== edge) break;
      out.push(p);
      edge = p.validFrom;
    }
    if (edge === before) break;
    const into = catalogue.changes.filter((c) => c.newNumber === n && c.oldNumber !== n && c.on === edge);
    const single = into.length === 1 && catalogue.changes.filter((c) => c.oldNumber === into[0].oldNumber && c.on === edge).length === 1;
    number = single ? into[0].oldNumber : undefined;
    before = edge;
  }
  return out;
}

/** The changes by which other numbers joined the kommune whose number is `current` (mergers), oldest first. */
export function predecessorChanges(catalogue: KommuneNumberCatalogue, current: string): KommuneNumberChange[] {
  const chain = new Set(numberHistory(catalogue, current).map((p) => p.number));
  return catalogue.changes
    .filter((c) => chain.has(c.newNumber) && c.oldNumber !== c.newNumber && !chain.has(c.oldNumber))
    .sort((a, b) => a.on.localeCompare(b.on) || a.oldNumber.localeCompare(b.oldNumber));
}
