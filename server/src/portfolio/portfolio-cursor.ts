import { isIsoDate, PORTFOLIO_SORT_KEYS, SORT_ORDERS, type PortfolioSortKey, type SortOrder } from '@nvr/shared';
import { DomainError } from '../common/domain-error';
import type { PortfolioKey } from './portfolio.queries';

/**
 * The portfolio's page cursor: where the next page starts (the last row's sort value, name, region name
 * and id), bound to the sort and order it was made for. Opaque to clients (base64url of JSON); a cursor
 * for another order, or one that was altered, is refused rather than giving a wrong page.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The type of each key's value in the cursor (and in SQL: see portfolio.queries.ts). */
const VALUE_KIND: Record<PortfolioSortKey, 'text' | 'int' | 'date'> = {
  name: 'text',
  region: 'text',
  phase: 'int',
  monthsInPhase: 'date',
  overdue: 'int',
  nextGateDate: 'date',
};

export function encodePortfolioCursor(sort: PortfolioSortKey, order: SortOrder, key: PortfolioKey): string {
  return Buffer.from(JSON.stringify([sort, order, key.value, key.name, key.regionName, key.id]), 'utf8').toString('base64url');
}

export function decodePortfolioCursor(cursor: string, sort: PortfolioSortKey, order: SortOrder): PortfolioKey {
  const invalid = (why: string) =>
    new DomainError('PORTFOLIO_CURSOR_INVALID', `The page cursor ${why}; load the portfolio again from the first page.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cannot be read');
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) throw invalid('cannot be read');
  const [s, o, value, name, regionName, id] = parsed as unknown[];
  if (!PORTFOLIO_SORT_KEYS.includes(s as PortfolioSortKey) || !SORT_ORDERS.includes(o as SortOrder)) throw invalid('cannot be read');
  if (s !== sort || o !== order) throw invalid(`belongs to the order "${String(s)} ${String(o)}", not "${sort} ${order}"`);
  if (typeof name !== 'string' || typeof regionName !== 'string' || typeof id !== 'string' || !UUID.test(id)) {
    throw invalid('cannot be read');
  }
  const kind = VALUE_KIND[sort];
  const valid =
    value === null ||
    (kind === 'text' && typeof value === 'string') ||
    (kind === 'int' && Number.isSafeInteger(value)) ||
    (kind === 'date' && typeof value === 'string' && isIsoDate(value));
  if (!valid) throw invalid('cannot be read');
  // PostgreSQL text cannot hold NUL, and no name is that long.
  const text = [name, regionName, ...(typeof value === 'string' ? [value] : [])];
  if (text.some((t) => t.length > 1000 || t.includes('\u0000'))) throw invalid('cannot be read');
  return { value: value as PortfolioKey['value'], name, regionName, id };
}
