import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { intlLocale } from '../../../lib/format';

/** Codes of the status-report, comment and notification endpoints, translated in progress.errors. */
const PROGRESS_CODES = [
  'STATUS_REPORT_NOT_FOUND',
  'STATUS_REPORT_PERIOD_TAKEN',
  'STATUS_REPORT_PUBLISHED',
  'STATUS_REPORT_INCOMPLETE',
  'STATUS_REPORT_COMMENT_MISSING',
  'STATUS_REPORT_PERIOD_NOT_OVER',
  'COMMENT_NOT_FOUND',
  'COMMENT_TARGET_NOT_FOUND',
  'NOTIFICATION_NOT_FOUND',
] as const;
type ProgressCode = (typeof PROGRESS_CODES)[number];

/** Like lib/error-message, with this feature's own codes translated too. */
export function progressErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && (PROGRESS_CODES as readonly string[]).includes(error.code)) {
    return t(`progress.errors.${error.code as ProgressCode}`);
  }
  return errorMessage(error, t);
}

/** A reporting period 'YYYY-MM' as words: "oktober 2026" (nb), "October 2026" (en). */
export function formatPeriod(period: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function usePeriod() {
  const { i18n } = useTranslation();
  return (period: string) => formatPeriod(period, i18n.resolvedLanguage ?? 'nb');
}
