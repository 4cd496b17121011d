import { intlLocale } from './format';

/** Whole kroner in the locale's style: 1250000 → "1 250 000 kr" (nb), "NOK 1,250,000" (en). */
export function formatKroner(amount: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'NOK',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(amount);
}

/**
 * A whole number typed by a person: "1 250 000", "1250000", "1.250.000" or "1,250,000" → 1250000.
 * Empty input gives null; anything that is not a whole number gives NaN.
 */
export function parseWholeNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  if (compact === '') return null;
  const digits = /^-?\d{1,3}([.,]\d{3})+$/.test(compact) ? compact.replace(/[.,]/g, '') : compact;
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
}
