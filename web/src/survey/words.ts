import type { Lang } from '../../../shared/src/plp';
import nb from '../locales/survey-form.nb.json';
import nn from '../locales/survey-form.nn.json';
import en from '../locales/survey-form.en.json';

/** The form's words. Bokmål is the source; the build fails when nynorsk or English lacks a key. */
export type Words = typeof nb;

export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

const catalogues: Record<Lang, Words> = { nb, nn: nn satisfies Words, en: en satisfies Words };

export function wordsFor(lang: Lang): Words {
  return catalogues[lang];
}

/** Fills `{{name}}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** nb-NO, nn-NO or en-GB, for numbers and dates. */
export function locale(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : `${lang}-NO`;
}

export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(value);
}

/** The day in Norway, wherever the respondent's device is set: the survey closes at a Norwegian time. */
export function formatDate(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(
    new Date(iso),
  );
}

/**
 * The first language: `?lang=` on the link (so a leader can send a nynorsk or English link), otherwise the
 * browser's own preference, otherwise bokmål. Nothing is remembered between visits.
 */
export function initialLang(search: string, preferred: readonly string[]): Lang {
  const fromLink = new URLSearchParams(search).get('lang');
  if (fromLink === 'nb' || fromLink === 'nn' || fromLink === 'en') return fromLink;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'nn') return 'nn';
    if (primary === 'nb' || primary === 'no') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'nb';
}
