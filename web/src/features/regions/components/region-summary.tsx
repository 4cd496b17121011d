import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { useFormat } from '../../../lib/format';

/** Regionråd, description and total population as a description list. */
export function RegionSummary({ region }: { region: Region }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="facts">
      <div>
        <dt>{t('regions.detail.council')}</dt>
        <dd>{region.councilName}</dd>
      </div>
      <div>
        <dt>{t('regions.detail.totalPopulation')}</dt>
        <dd>
          {t('regions.detail.totalPopulationValue', { total: format.number(region.totalPopulation) })}
          {region.populationAsOf && (
            <>
              {' '}
              <span className="muted">({t('regions.detail.asOf', { date: format.date(region.populationAsOf) })})</span>
            </>
          )}
        </dd>
      </div>
      <div className="facts__wide">
        <dt>{t('regions.detail.description')}</dt>
        <dd>
          {region.description ? (
            <Paragraph className="prewrap">{region.description}</Paragraph>
          ) : (
            <span className="muted">{t('regions.detail.noDescription')}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
