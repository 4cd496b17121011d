import { DatePeriod, IsoDate, periodContains } from './dates';

export interface PopulationFigure {
  count: number;
  asOf: IsoDate;
}

export interface MemberForTotals {
  period: DatePeriod;
  population: PopulationFigure | null;
}

/** Whether a membership is in force on the given date (from and to are inclusive). */
export function isCurrentMember(period: DatePeriod, today: IsoDate): boolean {
  return periodContains(period, today);
}

/**
 * Total population of a region's members in force on `today`, with the oldest date among the figures
 * used (a total is only as fresh as its oldest part). Members without a known figure count as zero.
 */
export function regionPopulation(members: readonly MemberForTotals[], today: IsoDate): { total: number; asOf: IsoDate | null } {
  let total = 0;
  let asOf: IsoDate | null = null;
  for (const m of members) {
    if (!isCurrentMember(m.period, today) || !m.population) continue;
    total += m.population.count;
    if (asOf === null || m.population.asOf < asOf) asOf = m.population.asOf;
  }
  return { total, asOf };
}
