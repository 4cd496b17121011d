import { useTranslation } from 'react-i18next';

const INTL_LOCALES: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The Intl locale for one of the app's languages (nb → nb-NO). */
export function intlLocale(language: string): string {
  return INTL_LOCALES[language] ?? INTL_LOCALES.nb;
}

/** A whole number in the locale's style: 50388 → "50 388" in nb-NO. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 0 }).format(value);
}

/**
 * A 'YYYY-MM-DD' date in the locale's long style: "1. januar 2024" (nb), "1 January 2024" (en).
 * The date is read as a calendar date, never shifted by the browser's time zone.
 */
export function formatDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO date-time from the server) as Norwegian wall-clock time: "23. november 2026, 20:35". */
export function formatDateTime(isoDateTime: string, language: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(date);
}

/** A file size for people: 812 B, 34 kB, 1,2 MB. */
export function formatFileSize(bytes: number, language: string): string {
  const locale = intlLocale(language);
  if (bytes < 1000) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  if (bytes < 1_000_000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(bytes / 1000)} kB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return {
    number: (value: number) => formatNumber(value, language),
    date: (isoDate: string) => formatDate(isoDate, language),
    dateTime: (isoDateTime: string) => formatDateTime(isoDateTime, language),
    fileSize: (bytes: number) => formatFileSize(bytes, language),
  };
}
