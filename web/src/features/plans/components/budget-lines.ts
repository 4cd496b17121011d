import { ownWorkAmount, type CostCategory, type FinancingSource, type FinancingStatus } from '@nvr/shared';
import type { TFunction } from 'i18next';
import type { Budget, BudgetLineInput } from '../../../api/plan-types';
import { parseWholeNumber } from '../../../lib/money';

export type Kind = 'cost' | 'financing';

/** A budget line as typed: text in the inputs until it is saved. `uid` names the line's cells in the page. */
export interface DraftLine {
  uid: string;
  kind: Kind;
  category: CostCategory | FinancingSource;
  year: string;
  description: string;
  amount: string;
  hours: string;
  rate: string;
  status: FinancingStatus | '';
}

/** The budget form's values (SaveBudgetDto without the version, which the plan's writer adds). */
export interface BudgetFormValues {
  lines: DraftLine[];
}

/** The cells that can hold a mistake. */
export type LineColumn = 'year' | 'amount' | 'hours' | 'rate';

/** The limits of BudgetLineDto on the server. */
export const BUDGET_LIMITS = {
  yearMin: 2000,
  yearMax: 2100,
  descriptionLength: 300,
  amountMax: 1_000_000_000,
  hoursMax: 1_000_000,
  rateMax: 100_000,
} as const;

let nextUid = 0;
export const uid = () => `line-${++nextUid}`;

export function toDraft(line: Budget['lines'][number]): DraftLine {
  return {
    uid: uid(),
    kind: line.kind,
    category: line.category,
    year: String(line.year),
    description: line.description ?? '',
    amount: String(line.amount),
    hours: line.hours === null || line.hours === undefined ? '' : String(line.hours).replace('.', ','),
    rate: line.rate === null || line.rate === undefined ? '' : String(line.rate),
    status: line.status ?? '',
  };
}

/** A new line of a kind, in the latest year the budget has (or this year). */
export function newLine(kind: Kind, lines: DraftLine[]): DraftLine {
  const years = lines.map((l) => Number(l.year)).filter((y) => Number.isInteger(y) && y > 1900);
  const year = years.length ? Math.max(...years) : new Date().getFullYear();
  return {
    uid: uid(),
    kind,
    category: kind === 'cost' ? 'project_management' : 'innovasjon_norge',
    year: String(year),
    description: '',
    amount: '',
    hours: '',
    rate: '',
    status: kind === 'financing' ? 'applied' : '',
  };
}

const compactHours = (text: string) => text.trim().replace(/\s/g, '').replace(',', '.');

/** Hours as typed ("2 500", "7,5"): null when empty, NaN when not a number. */
function parseHours(text: string): number | null {
  const t = compactHours(text);
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

const isNumber = (n: number | null): n is number => n !== null && !Number.isNaN(n);

/** The columns a line has inputs for: own work is hours × rate, every other line an amount. */
export function columnsOf(line: Pick<DraftLine, 'category'>): LineColumn[] {
  return line.category === 'own_work' ? ['year', 'hours', 'rate'] : ['year', 'amount'];
}

/** The line as the API takes it (what cannot be read counts as 0 or nothing; the rules below stop it from being saved). */
export function lineInput(line: DraftLine): BudgetLineInput {
  const year = Number(line.year);
  const ownWork = line.category === 'own_work';
  const hours = ownWork ? parseHours(line.hours) : null;
  const rate = ownWork ? parseWholeNumber(line.rate) : null;
  const amount = parseWholeNumber(line.amount);
  return {
    kind: line.kind,
    category: line.category,
    year: Number.isInteger(year) ? year : 0,
    // The server takes no empty description: leave it out instead.
    ...(line.description.trim() ? { description: line.description.trim() } : {}),
    amount: ownWork ? (isNumber(hours) && isNumber(rate) ? ownWorkAmount(hours, rate) : 0) : isNumber(amount) && amount >= 0 ? amount : 0,
    hours: ownWork ? hours : null,
    rate: ownWork ? rate : null,
    status: line.kind === 'financing' && line.status ? line.status : null,
  };
}

/**
 * The rules of a line's cells, mirroring BudgetLineDto: a year from 2000 to 2100, whole kroner from 0
 * (at most a billion), own work as hours (at most one decimal) × whole kroner per hour. Each takes the
 * cell's text and the line; true or the translated message.
 */
export function budgetLineRules(t: TFunction): Record<LineColumn, (value: string, line: DraftLine | undefined) => true | string> {
  return {
    year: (value) => {
      if (!/^\d{4}$/.test(value.trim())) return t('plans.budget.invalid.year');
      const year = Number(value);
      return (year >= BUDGET_LIMITS.yearMin && year <= BUDGET_LIMITS.yearMax) || t('plans.budget.invalid.yearRange');
    },
    amount: (value) => {
      const amount = parseWholeNumber(value);
      if (!isNumber(amount) || amount < 0) return t('plans.budget.invalid.amount');
      return amount <= BUDGET_LIMITS.amountMax || t('plans.budget.invalid.amountMax');
    },
    hours: (value) => {
      const hours = parseHours(value);
      if (!isNumber(hours) || hours < 0) return t('plans.budget.invalid.hours');
      if (/\.\d{2,}$/.test(compactHours(value))) return t('plans.budget.invalid.hoursDecimals');
      return hours <= BUDGET_LIMITS.hoursMax || t('plans.budget.invalid.hoursMax');
    },
    rate: (value, line) => {
      const rate = parseWholeNumber(value);
      if (!isNumber(rate) || rate < 0) return t('plans.budget.invalid.rate');
      if (rate > BUDGET_LIMITS.rateMax) return t('plans.budget.invalid.rateMax');
      const hours = line ? parseHours(line.hours) : null;
      return !isNumber(hours) || ownWorkAmount(hours, rate) <= BUDGET_LIMITS.amountMax || t('plans.budget.invalid.ownWorkMax');
    },
  };
}

/** The server's name of a cell in a 400 answer (`lines[3].amount`) as the form's (`lines.3.amount`), if it is one. */
export function cellOfServerField(field: string): { index: number; column: LineColumn } | null {
  const match = /^lines\[(\d+)\]\.(year|amount|hours|rate)$/.exec(field);
  return match ? { index: Number(match[1]), column: match[2] as LineColumn } : null;
}

export const cellId = (uid: string, column: string) => `budget-${uid}-${column}`;
