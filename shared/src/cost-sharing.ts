/**
 * Sharing the kommuner's direct contribution: a chosen share split equally, the rest by population.
 * Amounts are whole kroner and always add up to the total exactly (largest remainder, computed with
 * integers so no rounding error creeps in). Kongsbergregionen's plan (seeds/002) splits 500 000 kr
 * 50/50 this way.
 */
export interface CostShareKommune {
  id: string;
  name: string;
  population: number;
}

export interface CostShareRow extends CostShareKommune {
  /** The equal part, rounded to whole kroner for display. */
  equalPart: number;
  /** The population part, rounded to whole kroner for display. */
  populationPart: number;
  /** What the kommune pays: whole kroner; the amounts add up to the total. */
  amount: number;
}

export interface CostShare {
  rows: CostShareRow[];
  total: number;
  totalPopulation: number;
  equalTotal: number;
  populationTotal: number;
}

export class CostShareError extends Error {}

export function shareCosts(input: { total: number; equalPercent: number; kommuner: readonly CostShareKommune[] }): CostShare {
  const { total, equalPercent, kommuner } = input;
  if (!Number.isSafeInteger(total) || total < 0) throw new CostShareError('The total must be a whole number of kroner, not negative.');
  if (!Number.isInteger(equalPercent) || equalPercent < 0 || equalPercent > 100)
    throw new CostShareError('The equal share must be a whole percentage from 0 to 100.');
  if (kommuner.length === 0) throw new CostShareError('There are no kommuner to share the costs between.');
  if (kommuner.some((k) => !Number.isInteger(k.population) || k.population < 0))
    throw new CostShareError('Every kommune needs a population figure.');
  const totalPopulation = kommuner.reduce((s, k) => s + k.population, 0);
  if (equalPercent < 100 && totalPopulation === 0) throw new CostShareError('The kommuner have no population figures for the chosen date.');

  // amount_i = total·e/100/n + total·(100−e)/100 · pop_i/P, all over the common denominator D = 100·n·P.
  const n = BigInt(kommuner.length);
  const P = BigInt(Math.max(totalPopulation, 1));
  const T = BigInt(total);
  const e = BigInt(equalPercent);
  const D = 100n * n * P;
  const numerators = kommuner.map((k) => T * e * P + T * (100n - e) * BigInt(k.population) * n);
  const floors = numerators.map((x) => x / D);
  let left = T - floors.reduce((s, x) => s + x, 0n);
  // Hand out the remaining kroner to the largest remainders; ties go to the larger kommune, then by order.
  const order = kommuner
    .map((k, i) => ({ i, rem: numerators[i] % D, pop: k.population }))
    .sort((a, b) => (a.rem === b.rem ? b.pop - a.pop || a.i - b.i : a.rem > b.rem ? -1 : 1));
  const amounts = floors.slice();
  for (const { i } of order) {
    if (left === 0n) break;
    amounts[i] += 1n;
    left -= 1n;
  }
  const round = (num: bigint, den: bigint) => Number((2n * num + den) / (2n * den));
  return {
    rows: kommuner.map((k, i) => ({
      ...k,
      equalPart: round(T * e, 100n * n),
      populationPart: totalPopulation ? round(T * (100n - e) * BigInt(k.population), 100n * P) : 0,
      amount: Number(amounts[i]),
    })),
    total,
    totalPopulation,
    equalTotal: round(T * e, 100n),
    populationTotal: total - round(T * e, 100n),
  };
}
