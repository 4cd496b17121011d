import { SCALE_MAX, SCALE_MIN, surveyText, type Lang, type SurveyQuestion } from '@nvr/shared';

/** The label of an answer option (or scale step) in the reader's language; the key when the question does not know it. */
export function optionLabel(question: SurveyQuestion | undefined, key: string, lang: Lang): string {
  if (!question) return key;
  if (question.kind === 'scale') {
    const ends = question.scaleLabels;
    if (ends && key === String(SCALE_MIN) && ends.min.nb) return `${key} – ${surveyText(ends.min, lang)}`;
    if (ends && key === String(SCALE_MAX) && ends.max.nb) return `${key} – ${surveyText(ends.max, lang)}`;
    return key;
  }
  const option = question.options?.find((o) => o.key === key);
  return option ? surveyText(option.label, lang) : key;
}

/** A mean or median with one decimal in the reader's language (3,4 in Norwegian). */
export function formatDecimal(value: number, lang: Lang): string {
  const locale = lang === 'en' ? 'en-GB' : 'nb-NO';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(value);
}
