import { IsoDate, isIsoDate, todayInOslo } from './dates';

/** The earliest date a population figure may be for: SSB's series go back to the 1900s, nothing before. */
export const POPULATION_EARLIEST_DATE: IsoDate = '1900-01-01';

/**
 * The dates a population figure may be for: 1 January 1900 up to 31 December of next year (a
 * projection for next year is allowed; a typo like 2099 is not, since the newest figure wins).
 */
export function populationDateRange(today: IsoDate = todayInOslo()): { from: IsoDate; to: IsoDate } {
  return { from: POPULATION_EARLIEST_DATE, to: `${Number(today.slice(0, 4)) + 1}-12-31` };
}

/** True when `asOf` is a real date within {@link populationDateRange}. */
export function isPopulationDate(asOf: string, today: IsoDate = todayInOslo()): boolean {
  const { from, to } = populationDateRange(today);
  return isIsoDate(asOf) && from <= asOf && asOf <= to;
}

/** What happened to a population figure, as recorded in its kommune's population history. */
export const POPULATION_ACTIONS = ['population.recorded', 'population.corrected', 'population.deleted'] as const;
export type PopulationAction = (typeof POPULATION_ACTIONS)[number];

/** Recording on a date that has a figure corrects it; recording the same count again changes nothing. */
export function populationAction(before: number | null, after: number | null): PopulationAction | null {
  if (after === null) return before === null ? null : 'population.deleted';
  if (before === null) return 'population.recorded';
  return before === after ? null : 'population.corrected';
}
