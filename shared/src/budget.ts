import type { Lang } from './plp';

/** A phase's cost and financing budget (PLP plan section 7), and the rule that it must balance. */
export const COST_CATEGORIES = [
  'project_management',
  'rent_equipment',
  'consultants',
  'material_communication',
  'meetings_travel',
  'own_work',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const FINANCING_SOURCES = ['innovasjon_norge', 'fylkeskommune', 'other_grants', 'kommuner_direct', 'own_work'] as const;
export type FinancingSource = (typeof FINANCING_SOURCES)[number];

export const FINANCING_STATUSES = ['applied', 'granted'] as const;
export type FinancingStatus = (typeof FINANCING_STATUSES)[number];

/**
 * What the budget's categories, financing sources and statuses are called, in bokmål, nynorsk and
 * English: the one table the web app's budget and the plan documents both read, so screen and paper
 * use the same words.
 */
export const BUDGET_WORDS: Record<CostCategory | FinancingSource | FinancingStatus, readonly [nb: string, nn: string, en: string]> = {
  project_management: ['Prosjektledelse', 'Prosjektleiing', 'Project management'],
  rent_equipment: ['Leie og utstyr', 'Leige og utstyr', 'Rent and equipment'],
  consultants: ['Konsulenter', 'Konsulentar', 'Consultants'],
  material_communication: ['Materiell og kommunikasjon', 'Materiell og kommunikasjon', 'Material and communication'],
  meetings_travel: ['Møter og reiser', 'Møte og reiser', 'Meetings and travel'],
  own_work: ['Egeninnsats', 'Eigeninnsats', 'Own work'],
  innovasjon_norge: ['Innovasjon Norge', 'Innovasjon Norge', 'Innovasjon Norge'],
  fylkeskommune: ['Fylkeskommunen', 'Fylkeskommunen', 'Fylkeskommune (county authority)'],
  other_grants: ['Andre tilskudd', 'Andre tilskot', 'Other grants'],
  kommuner_direct: ['Kommunenes direkte bidrag', 'Direkte bidrag frå kommunane', 'Kommuner’s direct contribution'],
  applied: ['Søkt', 'Søkt', 'Applied for'],
  granted: ['Innvilget', 'Innvilga', 'Granted'],
};

/** A budget category's, financing source's or status's name in a language. */
export function budgetWord(value: CostCategory | FinancingSource | FinancingStatus, lang: Lang): string {
  return BUDGET_WORDS[value][{ nb: 0, nn: 1, en: 2 }[lang]];
}

export interface BudgetLine {
  kind: 'cost' | 'financing';
  category: CostCategory | FinancingSource;
  year: number;
  /** Whole kroner. For own work (egeninnsats) it is hours × rate. */
  amount: number;
  hours?: number | null;
  rate?: number | null;
}

export interface BudgetTotals {
  byYear: { year: number; costs: number; financing: number; difference: number }[];
  costs: number;
  financing: number;
  /** Costs minus financing: positive means under-financed. */
  difference: number;
  balanced: boolean;
  empty: boolean;
}

/** Own work is valued as hours × hourly rate, rounded to whole kroner. */
export function ownWorkAmount(hours: number, rate: number): number {
  return Math.round(hours * rate);
}

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const sum = (kind: BudgetLine['kind'], year?: number) =>
    lines.filter((l) => l.kind === kind && (year === undefined || l.year === year)).reduce((s, l) => s + l.amount, 0);
  const costs = sum('cost');
  const financing = sum('financing');
  return {
    byYear: years.map((year) => ({
      year,
      costs: sum('cost', year),
      financing: sum('financing', year),
      difference: sum('cost', year) - sum('financing', year),
    })),
    costs,
    financing,
    difference: costs - financing,
    balanced: costs === financing,
    empty: !lines.some((l) => l.kind === 'cost' && l.amount > 0),
  };
}

/** Financing from the kommuner directly in a year: what cost sharing splits. */
export function kommunerContribution(lines: readonly BudgetLine[], year?: number): number {
  return lines
    .filter((l) => l.kind === 'financing' && l.category === 'kommuner_direct' && (year === undefined || l.year === year))
    .reduce((s, l) => s + l.amount, 0);
}
