import type { BenefitTrend } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../lib/format';

/** The colour of a trend's tag (its word is always written too). */
export const TREND_COLOR: Record<BenefitTrend, 'neutral' | 'success' | 'warning' | 'info'> = {
  no_measurement: 'neutral',
  on_track: 'info',
  behind: 'warning',
  reached: 'success',
};

/**
 * A number as people type it: "1 234,5" or "1234.5" (spaces and a decimal comma or point), or "-3".
 * Null when it is not a number.
 */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('−', '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** At most four decimals, as the server keeps them. */
export function hasAtMostFourDecimals(n: number): boolean {
  return Math.abs(n * 10000 - Math.round(n * 10000)) < 1e-6;
}

/** Values and shares in the reader's language: "1 234,5", "57 %". */
export function useBenefitFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.resolvedLanguage ?? i18n.language);
  const values = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    value: (n: number) => values.format(n),
    /** A value as the form shows it for editing: the language's decimal sign, no grouping. */
    input: (n: number) => (locale === 'en-GB' ? String(n) : String(n).replace('.', ',')),
    share: (share: number | null) => (share === null ? '–' : percent.format(share)),
  };
}
