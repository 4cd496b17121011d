import { useId, useState } from 'react';
import { Heading, Paragraph, Radio, Fieldset } from '@digdir/designsystemet-react';
import { heatMap, RISK_BASES, type RiskBasis, type RiskFacts } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import './risks.css';

/**
 * The 5×5 risk map as a real table: probability in the rows (5 at the top), consequence in the columns,
 * the number of open risks and their numbers in each cell. Screen readers and keyboards read it like any
 * table (the headers name each cell), and a cell's level is written out, not only coloured.
 */
export function HeatMap({
  risks,
  headingLevel = 2,
  initialBasis = 'after',
  showBasisChoice = true,
}: {
  risks: readonly RiskFacts[];
  headingLevel?: 2 | 3;
  initialBasis?: RiskBasis;
  showBasisChoice?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [basis, setBasis] = useState<RiskBasis>(initialBasis);
  const map = heatMap(risks, basis);
  const basisWords = t(`risks.heatMap.basis.${basis}`);

  return (
    <section aria-labelledby={headingId} className="section risk-map">
      <Heading level={headingLevel} data-size="sm" id={headingId}>
        {t('risks.heatMap.heading')}
      </Heading>
      {showBasisChoice && (
        <Fieldset className="risk-map__basis">
          <Fieldset.Legend>{t('risks.heatMap.basisLegend')}</Fieldset.Legend>
          {RISK_BASES.map((b) => (
            <Radio
              key={b}
              name={`${headingId}-basis`}
              value={b}
              label={t(`risks.heatMap.basis.${b}`)}
              checked={basis === b}
              onChange={() => setBasis(b)}
            />
          ))}
        </Fieldset>
      )}
      {/* Scrolls sideways on a narrow screen; it takes focus so a keyboard can scroll it too. */}
      <div className="risk-map__scroll" role="region" aria-label={t('risks.heatMap.heading')} tabIndex={0}>
        <table className="risk-map__table">
          <caption>{t('risks.heatMap.caption', { basis: basisWords })}</caption>
          <thead>
            <tr>
              <td className="risk-map__corner">
                <span className="risk-map__axis">
                  {t('risks.heatMap.probability')} ↓ / {t('risks.heatMap.consequence')} →
                </span>
              </td>
              {map.rows[0].map((cell) => (
                <th key={cell.consequence} scope="col">
                  {t(`risks.consequenceScale.${cell.consequence}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.rows.map((row) => (
              <tr key={row[0].probability}>
                <th scope="row">{t(`risks.probabilityScale.${row[0].probability}`)}</th>
                {row.map((cell) => (
                  <td key={cell.consequence} className={`risk-map__cell risk-map__cell--${cell.level}`}>
                    {cell.count > 0 && (
                      <>
                        <span className="risk-map__count" aria-hidden="true">
                          {cell.count}
                        </span>
                        <span className="risk-map__numbers" aria-hidden="true">
                          {cell.riskNumbers.map((n) => t('risks.number', { n })).join(', ')}
                        </span>
                      </>
                    )}
                    <span className="visually-hidden">
                      {t('risks.heatMap.cell', { count: cell.count })}
                      {cell.count > 0 ? `: ${cell.riskNumbers.map((n) => t('risks.number', { n })).join(', ')}` : ''},{' '}
                      {t('risks.heatMap.cellLevel', { level: t(`risks.levels.${cell.level}`) })}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Paragraph data-size="sm" className="muted">
        {t('risks.heatMap.legend')}
      </Paragraph>
      {map.notOpen > 0 && (
        <Paragraph data-size="sm" className="muted">
          {t('risks.heatMap.notOpen', { count: map.notOpen })}
        </Paragraph>
      )}
    </section>
  );
}
