import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { shareOfWay } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Indicator, Measurement } from '../api/types';
import { TREND_COLOR, useBenefitFormat } from './benefit-text';
import { TrendChart } from './trend-chart';
import { TableScroll } from '../../../components/table-scroll';

export interface IndicatorActions {
  editIndicator?: (indicator: Indicator) => void;
  deleteIndicator?: (indicator: Indicator) => void;
  addMeasurement?: (indicator: Indicator) => void;
  editMeasurement?: (indicator: Indicator, measurement: Measurement) => void;
  deleteMeasurement?: (indicator: Indicator, measurement: Measurement) => void;
}

/**
 * One indicator: where it started and where it should be by when, its trend (share of the way against the
 * share of the time), the measurements as a table (the accessible form) with a small chart beside it that
 * shows the same for the eye, and the actions the reader may take.
 */
export function IndicatorView({
  indicator,
  headingLevel = 3,
  actions = {},
}: {
  indicator: Indicator;
  headingLevel?: 3 | 4;
  actions?: IndicatorActions;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = useBenefitFormat();
  const headingId = `indicator-${indicator.id}`;
  const value = (n: number) => `${f.value(n)} ${indicator.unit}`;

  return (
    <section aria-labelledby={headingId} className="benefit-indicator" data-testid="benefit-indicator">
      <Heading level={headingLevel} data-size="2xs" id={headingId} tabIndex={-1}>
        {indicator.name}
        {indicator.closed && <span className="muted"> ({t('benefits.indicator.closedNote')})</span>}
      </Heading>
      <Paragraph data-size="sm">
        {t('benefits.indicator.fromTo', {
          start: value(indicator.startValue),
          startDate: format.date(indicator.startDate),
          target: value(indicator.targetValue),
          targetDate: format.date(indicator.targetDate),
        })}
      </Paragraph>
      <p className="benefit-indicator__trend">
        <span>{t('benefits.trendLabel')}: </span>
        <Tag data-color={TREND_COLOR[indicator.trend]} data-size="sm" data-testid="indicator-trend">
          {t(`benefits.trends.${indicator.trend}`)}
        </Tag>
        {indicator.latest && indicator.share !== null && (
          <span>
            {' '}
            {t('benefits.indicator.progress', {
              share: f.share(indicator.share),
              expected: f.share(indicator.expected),
              date: format.date(indicator.latest.date),
            })}
          </span>
        )}
      </p>
      {indicator.measurements.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t('benefits.indicator.noMeasurements')}
        </Paragraph>
      ) : (
        <div className="benefit-indicator__body">
          <TableScroll>
            <Table border data-size="sm">
              <caption>{t('benefits.measurements.caption', { indicator: indicator.name, unit: indicator.unit })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.date')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t('benefits.measurements.value', { unit: indicator.unit })}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="numeric">
                    {t('benefits.measurements.share')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.comment')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('benefits.measurements.recordedBy')}</Table.HeaderCell>
                  {(actions.editMeasurement || actions.deleteMeasurement) && (
                    <Table.HeaderCell scope="col">
                      <span className="visually-hidden">{t('benefits.actions')}</span>
                    </Table.HeaderCell>
                  )}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {indicator.measurements.map((m) => {
                  const date = format.date(m.measuredOn);
                  return (
                    <Table.Row key={m.id}>
                      <Table.HeaderCell scope="row">{date}</Table.HeaderCell>
                      <Table.Cell className="numeric">{f.value(m.value)}</Table.Cell>
                      <Table.Cell className="numeric">{f.share(shareOfWay(indicator, m.value))}</Table.Cell>
                      <Table.Cell>{m.comment}</Table.Cell>
                      <Table.Cell>{m.recordedBy?.name ?? ''}</Table.Cell>
                      {(actions.editMeasurement || actions.deleteMeasurement) && (
                        <Table.Cell>
                          <div className="row-actions">
                            {actions.editMeasurement && (
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('benefits.measurements.editNamed', { date, indicator: indicator.name })}
                                onClick={() => actions.editMeasurement?.(indicator, m)}
                              >
                                {t('benefits.edit')}
                              </Button>
                            )}
                            {actions.deleteMeasurement && (
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                data-color="danger"
                                aria-label={t('benefits.measurements.deleteNamed', { date, indicator: indicator.name })}
                                onClick={() => actions.deleteMeasurement?.(indicator, m)}
                              >
                                {t('benefits.delete')}
                              </Button>
                            )}
                          </div>
                        </Table.Cell>
                      )}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableScroll>
          <div>
            <TrendChart indicator={indicator} />
            <ul className="benefit-chart-legend" aria-hidden="true">
              <li>● {t('benefits.chart.measured')}</li>
              <li>- - {t('benefits.chart.plan')}</li>
              <li>■ {t('benefits.chart.target')}</li>
            </ul>
          </div>
        </div>
      )}
      {(actions.addMeasurement || actions.editIndicator || actions.deleteIndicator) && (
        <div className="row-actions">
          {actions.addMeasurement && (
            <Button
              aria-label={`${t('benefits.measurements.add')}: ${indicator.name}`}
              data-size="sm"
              variant="secondary"
              onClick={() => actions.addMeasurement?.(indicator)}
            >
              {t('benefits.measurements.add')}
            </Button>
          )}
          {actions.editIndicator && (
            <Button
              aria-label={`${t('benefits.indicator.edit')}: ${indicator.name}`}
              data-size="sm"
              variant="tertiary"
              onClick={() => actions.editIndicator?.(indicator)}
            >
              {t('benefits.indicator.edit')}
            </Button>
          )}
          {actions.deleteIndicator && (
            <Button
              aria-label={`${t('benefits.indicator.delete')}: ${indicator.name}`}
              data-size="sm"
              variant="tertiary"
              data-color="danger"
              onClick={() => actions.deleteIndicator?.(indicator)}
            >
              {t('benefits.indicator.delete')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
