/**
 * Sharing the kommuner's direct contribution: a chosen share split equally, the rest by population.
 * Amounts are whole kroner and always add up to the total exactly (largest remainder, computed with
 * integers so no rounding error creeps in). Kongsbergregionen's plan (seeds/002) splits 500 000 kr
 * 50/50 this way. The two parts of each row (equal, by population) are rounded so that the table adds
 * up both ways: each row's parts add up to its amount, and each column to its total (`roundParts`).
 */
export interface CostShareKommune {
  id: string;
  name: string;
  population: number;
}

export interface CostShareRow extends CostShareKommune {
  /** The equal part in whole kroner; `equalPart + populationPart === amount`. */
  equalPart: number;
  /** The population part in whole kroner. */
  populationPart: number;
  /** What the kommune pays: whole kroner; the amounts add up to the total. */
  amount: number;
}

export interface CostShare {
  rows: CostShareRow[];
  total: number;
  totalPopulation: number;
  /** The equal parts' sum: the exact equal share of the total, rounded half up. */
  equalTotal: number;
  /** The population parts' sum: the total minus the equal total. */
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
  const round = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);
  // The exact parts over D: the equal part is the same for every kommune.
  const equalTotal = round(T * e, 100n);
  const parts = roundParts({
    denominator: D,
    equal: kommuner.map(() => T * e * P),
    byPopulation: kommuner.map((k) => T * (100n - e) * BigInt(k.population) * n),
    amounts,
    equalTotal,
  });
  return {
    rows: kommuner.map((k, i) => ({
      ...k,
      equalPart: Number(parts[i]),
      populationPart: Number(amounts[i] - parts[i]),
      amount: Number(amounts[i]),
    })),
    total,
    totalPopulation,
    equalTotal: Number(equalTotal),
    populationTotal: total - Number(equalTotal),
  };
}

/**
 * Rounds a two-column table (equal part, population part) whose row totals and first column total
 * are already whole, so that it adds up both ways (controlled rounding): each row's first part is its
 * exact value rounded down or up, the second part is the row total minus the first, and the first
 * parts add up to `equalTotal`. Where a row may go either way, the krone goes to the row whose
 * rounding moves its two parts least (largest remainder of the first part against the second), ties
 * by order. Exact values are numerators over `denominator`; the answer is each row's first part.
 */
export function roundParts(input: {
  denominator: bigint;
  equal: readonly bigint[];
  byPopulation: readonly bigint[];
  amounts: readonly bigint[];
  equalTotal: bigint;
}): bigint[] {
  const { denominator: D, equal, byPopulation, amounts, equalTotal } = input;
  const floor = (x: bigint) => x / D;
  const ceil = (x: bigint) => (x % D === 0n ? x / D : x / D + 1n);
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  const min = (a: bigint, b: bigint) => (a < b ? a : b);
  // Row i's first part x must keep both parts within a krone of their exact values: x in [lo, hi].
  const lo = amounts.map((a, i) => max(max(floor(equal[i]), a - ceil(byPopulation[i])), 0n));
  const hi = amounts.map((a, i) => max(min(min(ceil(equal[i]), a - floor(byPopulation[i])), a), lo[i]));
  const parts = lo.slice();
  let left = equalTotal - parts.reduce((s, x) => s + x, 0n);
  const order = amounts
    .map((_, i) => ({ i, key: (equal[i] % D) - (byPopulation[i] % D) }))
    .sort((a, b) => (a.key === b.key ? a.i - b.i : a.key > b.key ? -1 : 1));
  for (const { i } of order) {
    if (left <= 0n) break;
    const step = min(hi[i] - parts[i], left);
    parts[i] += step;
    left -= step;
  }
  // A safety net that a table of two columns never needs (controlled rounding always exists there):
  // keep the sums exact, moving parts beyond a krone rather than breaking them.
  for (const { i } of order) {
    if (left === 0n) break;
    const step = left > 0n ? min(amounts[i] - parts[i], left) : max(-parts[i], left);
    parts[i] += step;
    left -= step;
  }
  return parts;
}

/** The one date all the figures are from, or null when they are from different dates (or none has one). */
export function commonPopulationDate(rows: readonly { populationAsOf: string | null }[]): string | null {
  const dates = new Set(rows.map((r) => r.populationAsOf));
  const [only] = dates;
  return dates.size === 1 ? (only ?? null) : null;
}

/**
 * Why a cost-sharing table cannot be made, as a stable code with parameters (the web and the
 * documents put it into words in each language).
 * - COST_SHARING_NO_KOMMUNER: the project has no participating kommuner (on `populationDate`, when given:
 *   none was a member of the region then and existed then; see cost-split-history.ts).
 * - COST_SHARING_NO_POPULATION: some share goes by population, but `kommuner` have no figure on or
 *   before `populationDate` (null: no figure at all), or every figure is 0.
 * - COST_SHARING_NO_CONTRIBUTION: the budget has no kommuner direct contribution in `year` (null: in any year).
 */
export const COST_SHARE_PROBLEM_CODES = ['COST_SHARING_NO_KOMMUNER', 'COST_SHARING_NO_POPULATION', 'COST_SHARING_NO_CONTRIBUTION'] as const;
export type CostShareProblemCode = (typeof COST_SHARE_PROBLEM_CODES)[number];

export interface CostShareProblem {
  code: CostShareProblemCode;
  params: {
    /** The kommuner lacking a usable figure (COST_SHARING_NO_POPULATION). */
    kommuner?: string[];
    populationDate?: string | null;
    year?: number | null;
  };
}

/**
 * The problem that keeps the table from being made, or null when `shareCosts` can make it.
 * `population` null means the kommune has no figure on or before the date.
 */
export function costShareProblem(input: {
  total: number;
  equalPercent: number;
  populationDate: string | null;
  year: number | null;
  kommuner: readonly { name: string; population: number | null }[];
}): CostShareProblem | null {
  const { kommuner, equalPercent, populationDate, year } = input;
  if (kommuner.length === 0) return { code: 'COST_SHARING_NO_KOMMUNER', params: populationDate ? { populationDate } : {} };
  if (equalPercent < 100) {
    const lacking = kommuner.filter((k) => k.population === null);
    const none = lacking.length ? lacking : kommuner.every((k) => k.population === 0) ? kommuner : [];
    if (none.length) return { code: 'COST_SHARING_NO_POPULATION', params: { kommuner: none.map((k) => k.name), populationDate } };
  }
  if (input.total <= 0) return { code: 'COST_SHARING_NO_CONTRIBUTION', params: { year } };
  return null;
}

/** Whether a problem comes from the chosen settings (so saving them is refused) rather than from the project or budget. */
export function isSettingsProblem(problem: CostShareProblem, settings: { year: number | null; populationDate?: string | null }): boolean {
  switch (problem.code) {
    case 'COST_SHARING_NO_POPULATION':
      return true;
    case 'COST_SHARING_NO_CONTRIBUTION':
      return settings.year !== null;
    case 'COST_SHARING_NO_KOMMUNER':
      // With a date, the parties are the kommuner that were members then: the date is what to change.
      return (settings.populationDate ?? null) !== null;
  }
}

/** A cost-sharing problem in words, for documents (the web app has its own strings in its locales). */
export function costShareProblemText(problem: CostShareProblem, lang: 'nb' | 'nn' | 'en'): string {
  const { kommuner = [], populationDate = null, year = null } = problem.params;
  const date = populationDate && lang !== 'en' ? populationDate.split('-').reverse().join('.') : populationDate;
  const names = kommuner.join(', ');
  switch (problem.code) {
    case 'COST_SHARING_NO_KOMMUNER':
      if (date)
        return {
          nb: `Ingen av prosjektets kommuner var medlem av regionen per ${date}.`,
          nn: `Ingen av kommunane i prosjektet var medlem av regionen per ${date}.`,
          en: `None of the project’s kommuner was a member of the region on ${date}.`,
        }[lang];
      return {
        nb: 'Prosjektet har ingen deltakende kommuner å fordele kostnadene mellom.',
        nn: 'Prosjektet har ingen deltakande kommunar å fordele kostnadene mellom.',
        en: 'The project has no participating kommuner to share the costs between.',
      }[lang];
    case 'COST_SHARING_NO_POPULATION':
      return date
        ? {
            nb: `Mangler innbyggertall per ${date} eller tidligere for: ${names}.`,
            nn: `Manglar innbyggjartal per ${date} eller tidlegare for: ${names}.`,
            en: `No population figure on or before ${date} for: ${names}.`,
          }[lang]
        : {
            nb: `Mangler innbyggertall for: ${names}.`,
            nn: `Manglar innbyggjartal for: ${names}.`,
            en: `No population figure for: ${names}.`,
          }[lang];
    case 'COST_SHARING_NO_CONTRIBUTION':
      return year
        ? {
            nb: `Budsjettet har ingen direkte finansiering fra kommunene i ${year}.`,
            nn: `Budsjettet har ingen direkte finansiering frå kommunane i ${year}.`,
            en: `The budget has no direct contribution from the kommuner in ${year}.`,
          }[lang]
        : {
            nb: 'Budsjettet har ingen direkte finansiering fra kommunene.',
            nn: 'Budsjettet har ingen direkte finansiering frå kommunane.',
            en: 'The budget has no direct contribution from the kommuner.',
          }[lang];
  }
}
