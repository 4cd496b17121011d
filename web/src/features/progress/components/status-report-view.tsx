import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { REPORT_ASPECTS } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { StatusReport } from '../../../api/progress-types';
import { formatKroner } from '../../../lib/money';
import { StatusColourTag } from './status-colours';
import './progress.css';

/** A published report (or a draft one may only read), aspect by aspect. */
export function StatusReportView({ report }: { report: StatusReport }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number | null) => (n === null ? t('progress.report.notGiven') : formatKroner(n, i18n.resolvedLanguage ?? 'nb'));
  const { budgetTotal, spentToDate, forecast } = report.economy;
  const overBy =
    budgetTotal !== null && forecast !== null && budgetTotal > 0 ? Math.round(((forecast - budgetTotal) / budgetTotal) * 100) : null;
  return (
    <div className="section">
      {REPORT_ASPECTS.map((aspect) => (
        <section key={aspect} className="status-aspect panel" aria-labelledby={`aspect-${aspect}`}>
          <div className="page-header__title">
            <Heading level={2} data-size="sm" id={`aspect-${aspect}`}>
              {t(`progress.aspects.${aspect}`)}
            </Heading>
            <StatusColourTag colour={report[aspect].colour} />
          </div>
          {aspect === 'economy' && (
            <dl className="facts">
              {(
                [
                  ['budgetTotal', budgetTotal],
                  ['spentToDate', spentToDate],
                  ['forecast', forecast],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(`progress.report.figures.${key}`)}</dt>
                  <dd>{kr(value)}</dd>
                </div>
              ))}
              {overBy !== null && overBy !== 0 && (
                <div className="facts__wide">
                  <dt>{t('progress.report.forecastVsBudget')}</dt>
                  <dd>{overBy > 0 ? t('progress.report.over', { percent: overBy }) : t('progress.report.under', { percent: -overBy })}</dd>
                </div>
              )}
            </dl>
          )}
          {report[aspect].comment ? (
            <Paragraph className="prewrap">{report[aspect].comment}</Paragraph>
          ) : (
            <Paragraph className="muted">{t('progress.report.noComment')}</Paragraph>
          )}
        </section>
      ))}
      <section className="section" aria-labelledby="report-next-steps">
        <Heading level={2} data-size="sm" id="report-next-steps">
          {t('progress.report.nextSteps')}
        </Heading>
        {report.nextSteps ? (
          <Paragraph className="prewrap">{report.nextSteps}</Paragraph>
        ) : (
          <Paragraph className="muted">{t('progress.report.noComment')}</Paragraph>
        )}
      </section>
    </div>
  );
}
