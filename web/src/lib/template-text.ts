import { templateText, type Lang, type TemplateText } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './i18n';

/**
 * Template texts (titles, guidance, labels) in the language shown: `tt(section.title)`. Older template
 * versions hold bokmål only, and an empty translation falls back to bokmål.
 */
export function useTemplateText(): { lang: Lang; tt: (value: TemplateText | null | undefined) => string } {
  const { i18n } = useTranslation();
  const lang: Lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  return { lang, tt: (value) => templateText(value, lang) };
}
