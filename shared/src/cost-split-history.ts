import type { IsoDate } from './dates';
import { numberHistory, numberValidOn, successorNumbers, type KommuneNumberCatalogue } from './kommune';

/**
 * A cost split for a date: which of a project's kommuner are parties, under which numbers and names, and
 * with which population figure.
 *
 * The data model decides the parties. A `kommune` row is one identity through renumberings (Kongsberg
 * 0604 → 3006 → 3303); region membership and population figures belong to that row. So on a date:
 * - a kommune is a party when the region held it (a membership covers the date) and it existed then;
 * - it is shown under the number and name valid then (Kongsberg 3006 in 2022, 3303 from 2024);
 * - a kommune formed later by a merger is shown under the numbers and names of the kommuner it was made of
 *   then (Holmestrand 3903 in 2017: Holmestrand 0702, Hof 0714 and Sande 0713). It stays one party: the
 *   region's membership and the recorded figures are of the merged kommune (the SSB import adds up the
 *   parts' figures), and the data model cannot say which parts the region held;
 * - a kommune registered under a number that was later merged into another (its own row, e.g. Hof 0714)
 *   is a party under that number while it was valid, and not after;
 * - a kommune split off later did not exist then and is not a party (Haram 1580 in 2022); the part that
 *   keeps the old kommune's name carries it on (Ålesund 1508 is Ålesund 1507 in 2022);
 * - a number the catalogue does not know is taken as valid on every date, under the kommune's own name.
 * The population is the figure of 1 January of the date's year; without one, the newest figure on or
 * before the date (that row then shows its own date).
 */
export interface CostSplitKommune {
  id: string;
  /** Today's number and name (the kommune row). */
  number: string;
  name: string;
  /** The region's memberships of the kommune (from and to inclusive; to null: still a member). */
  memberships: readonly { from: IsoDate; to: IsoDate | null }[];
  /** The recorded population figures of the kommune (any order). */
  figures: readonly { asOf: IsoDate; count: number }[];
}

export interface CostSplitParty {
  id: string;
  /** The name (or names, for a kommune merged later) valid on the date. */
  name: string;
  /** The numbers valid on the date (several for a kommune merged later). */
  numbers: string[];
  /** Today's name. */
  currentName: string;
  population: number | null;
  populationAsOf: IsoDate | null;
}

export const COST_SPLIT_EXCLUSIONS = ['not_member', 'did_not_exist'] as const;
export type CostSplitExclusion = (typeof COST_SPLIT_EXCLUSIONS)[number];

export interface CostSplitExcluded {
  id: string;
  name: string;
  reason: CostSplitExclusion;
}

/** The numbers and name a kommune (today's number and name) had on `date`, or null when it did not exist then. */
export function identityOn(
  catalogue: KommuneNumberCatalogue,
  number: string,
  name: string,
  date: IsoDate,
): { numbers: string[]; name: string } | null {
  const history = numberHistory(catalogue, number).map((p) => (p.validTo === null ? { ...p, name } : p));
  if (history.length === 0) return { numbers: [number], name };
  const own = numberValidOn(history, date);
  if (own) return { numbers: [own.number], name: own.name };
  const first = history[history.length - 1];
  if (date >= first.validFrom) return null; // its number had ended by then (merged into another)
  // Before its first number: the kommuner of that date that became it.
  const then = catalogue.periods.filter((p) => p.validFrom <= date && (p.validTo === null || date < p.validTo));
  const whole: { number: string; name: string }[] = [];
  const partial: { number: string; name: string }[] = [];
  for (const p of then) {
    const next = successorNumbers(catalogue, p.number, date, first.validFrom);
    if (next.length === 1 && next[0] === first.number) whole.push(p);
    else if (next.includes(first.number)) partial.push(p);
  }
  if (whole.length > 0) {
    // The kommune that gave the merged one its name first, then by number.
    whole.sort((a, b) => Number(b.name === first.name) - Number(a.name === first.name) || a.number.localeCompare(b.number));
    return { numbers: whole.map((p) => p.number), name: whole.map((p) => p.name).join(', ') };
  }
  const carried = partial.find((p) => p.name === first.name);
  return carried ? { numbers: [carried.number], name: carried.name } : null;
}

/** The figure of 1 January of the date's year, else the newest on or before the date, else null. */
export function populationOn(figures: readonly { asOf: IsoDate; count: number }[], date: IsoDate): { asOf: IsoDate; count: number } | null {
  const january = `${date.slice(0, 4)}-01-01`;
  const exact = figures.find((f) => f.asOf === january);
  if (exact) return exact;
  return figures
    .filter((f) => f.asOf <= date)
    .reduce<{ asOf: IsoDate; count: number } | null>((best, f) => (!best || f.asOf > best.asOf ? f : best), null);
}

/**
 * The parties of a cost split for `date` among the project's kommuner, and those left out with why. Without a
 * date every kommune is a party under today's number and name with its newest figure.
 */
export function costSplitParties(
  catalogue: KommuneNumberCatalogue,
  kommuner: readonly CostSplitKommune[],
  date: IsoDate | null,
): { parties: CostSplitParty[]; excluded: CostSplitExcluded[] } {
  const parties: CostSplitParty[] = [];
  const excluded: CostSplitExcluded[] = [];
  for (const k of kommuner) {
    if (date === null) {
      const newest = k.figures.reduce<{ asOf: IsoDate; count: number } | null>((b, f) => (!b || f.asOf > b.asOf ? f : b), null);
      parties.push({
        id: k.id,
        name: k.name,
        numbers: [k.number],
        currentName: k.name,
        population: newest?.count ?? null,
        populationAsOf: newest?.asOf ?? null,
      });
      continue;
    }
    if (!k.memberships.some((m) => m.from <= date && (m.to === null || date <= m.to))) {
      excluded.push({ id: k.id, name: k.name, reason: 'not_member' });
      continue;
    }
    const then = identityOn(catalogue, k.number, k.name, date);
    if (!then) {
      excluded.push({ id: k.id, name: k.name, reason: 'did_not_exist' });
      continue;
    }
    const figure = populationOn(k.figures, date);
    parties.push({
      id: k.id,
      name: then.name,
      numbers: then.numbers,
      currentName: k.name,
      population: figure?.count ?? null,
      populationAsOf: figure?.asOf ?? null,
    });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nb');
  return { parties: parties.sort(byName), excluded: excluded.sort(byName) };
}
