import { ownWorkAmount, type CostCategory, type FinancingSource, type FinancingStatus } from '@nvr/shared';
import type { Budget, BudgetLineInput } from '../../../api/plan-types';
import { parseWholeNumber } from '../../../lib/money';

export type Kind = 'cost' | 'financing';

/** A budget line as typed: text in the inputs until it is saved. */
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

function parseHours(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export interface LineProblem {
  uid: string;
  column: 'year' | 'amount' | 'hours' | 'rate';
  message: string;
}

/** The line as the API takes it, or the problems that stop it from being saved. */
export function parseLine(
  line: DraftLine,
  t: (
    key: 'plans.budget.invalid.year' | 'plans.budget.invalid.amount' | 'plans.budget.invalid.hours' | 'plans.budget.invalid.rate',
  ) => string,
) {
  const problems: LineProblem[] = [];
  const year = Number(line.year);
  if (!/^\d{4}$/.test(line.year.trim())) problems.push({ uid: line.uid, column: 'year', message: t('plans.budget.invalid.year') });
  let amount = 0;
  let hours: number | null = null;
  let rate: number | null = null;
  if (line.category === 'own_work') {
    hours = parseHours(line.hours);
    rate = parseWholeNumber(line.rate);
    if (hours === null || Number.isNaN(hours) || hours < 0)
      problems.push({ uid: line.uid, column: 'hours', message: t('plans.budget.invalid.hours') });
    if (rate === null || Number.isNaN(rate) || rate < 0)
      problems.push({ uid: line.uid, column: 'rate', message: t('plans.budget.invalid.rate') });
    amount = hours !== null && rate !== null && !Number.isNaN(hours) && !Number.isNaN(rate) ? ownWorkAmount(hours, rate) : 0;
  } else {
    const parsed = parseWholeNumber(line.amount);
    if (parsed === null || Number.isNaN(parsed) || parsed < 0)
      problems.push({ uid: line.uid, column: 'amount', message: t('plans.budget.invalid.amount') });
    else amount = parsed;
  }
  const input: BudgetLineInput = {
    kind: line.kind,
    category: line.category,
    year: Number.isInteger(year) ? year : 0,
    // The server takes no empty description: leave it out instead.
    ...(line.description.trim() ? { description: line.description.trim() } : {}),
    amount,
    hours: line.category === 'own_work' ? hours : null,
    rate: line.category === 'own_work' ? rate : null,
    status: line.kind === 'financing' && line.status ? line.status : null,
  };
  return { input, problems };
}

export const cellId = (uid: string, column: string) => `budget-${uid}-${column}`;
