import { documentWord, valueWord, type DocumentWord, type Lang } from '@nvr/shared';

/** The documents' words come from the shared catalogue (shared/src/words.ts); here they are formatted. */
export type LabelKey = DocumentWord;

export function label(key: LabelKey, lang: Lang): string {
  return documentWord(key, lang);
}

export function enumLabel(value: string, lang: Lang): string {
  return valueWord(value, lang);
}

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Whole kroner with the language's grouping; a plain hyphen for minus (U+2212 is not in the PDF fonts' encoding). */
export function kroner(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n).replace('\u2212', '-');
}

export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
