import { proximityStatus, quarterParts, todayInOslo, type RiskLevel } from '@nvr/shared';
import { useTranslation } from 'react-i18next';

/** The register's words that need more than a key: quarters, scores with their level. */
export function useRiskText() {
  const { t } = useTranslation();
  return {
    /** "1. kvartal 2027", or "Ikke angitt". */
    quarter: (quarter: string | null) => {
      if (!quarter) return t('risks.noProximity');
      const { year, quarter: q } = quarterParts(quarter);
      return t('risks.quarter', { quarter: q, year });
    },
    /** "passert", "dette kvartalet", … */
    nearness: (quarter: string | null) => t(`risks.proximityStatus.${proximityStatus(quarter, todayInOslo())}`),
    /** "15 (høy)". */
    score: (score: number, level: RiskLevel) => t('risks.score', { score, level: t(`risks.levels.${level}`) }),
    /** "Sannsynlighet 3 × konsekvens 5 = 15, høy". */
    scoreLong: (probability: number, consequence: number, score: number, level: RiskLevel) =>
      t('risks.scoreLong', { probability, consequence, score, level: t(`risks.levels.${level}`) }),
  };
}
