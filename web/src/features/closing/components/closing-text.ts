import {
  FINAL_REPORT_OUTLINE,
  lessonCategoryTitle,
  successFactorSpec,
  type FinalReportSectionKey,
  type Lang,
  type LessonCategory,
  type SuccessFactor,
} from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../lib/i18n';

/**
 * The closing's words that live with its rules in shared/src/closing.ts (the ten success factors, the final
 * report's outline, the lesson categories), in the language shown.
 */
export function useClosingText() {
  const { i18n } = useTranslation();
  const lang: Lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const section = (key: FinalReportSectionKey) => FINAL_REPORT_OUTLINE.find((s) => s.key === key)!;
  return {
    lang,
    factorTitle: (key: SuccessFactor) => successFactorSpec(key).title[lang],
    factorQuestion: (key: SuccessFactor) => successFactorSpec(key).question[lang],
    categoryTitle: (key: LessonCategory) => lessonCategoryTitle(key, lang),
    sectionTitle: (key: FinalReportSectionKey) => section(key).title[lang],
    sectionGuidance: (key: FinalReportSectionKey) => section(key).guidance[lang],
  };
}
