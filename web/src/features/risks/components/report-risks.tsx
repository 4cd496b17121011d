import { useId } from 'react';
import { Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { RiskChangeKind } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useFormat } from '../../../lib/format';
import { useReportRisks } from '../api/get-report-risks';
import type { RiskChange } from '../api/types';
import { HeatMap } from './heat-map';
import { RiskTable } from './risk-table';
import './risks.css';

const CHANGE_COLOR: Record<RiskChangeKind, 'info' | 'success' | 'danger' | 'warning' | 'neutral'> = {
  new: 'info',
  closed: 'success',
  occurred: 'danger',
  reopened: 'warning',
  score_up: 'danger',
  score_down: 'success',
  removed: 'neutral',
};

/**
 * A status report's risk register: as it was when the report was published (a draft: as it is now), its
 * map after measures, and what changed since the previous published report whose register was kept.
 */
export function ReportRisks({
  projectId,
  reportId,
  state,
  period,
}: {
  projectId: string;
  reportId: string;
  state: string;
  /** Writes a report period ('2026-10') in words, as the report page does. */
  period: (value: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const changesId = useId();
  const query = useReportRisks(projectId, reportId, state);

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('risks.report.heading')}
      </Heading>
      {query.isPending ? (
        <Loading label={t('risks.report.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : (
        <>
          <Paragraph className="muted">
            {query.data.source === 'frozen' && query.data.frozenAt
              ? t('risks.report.frozen', { dateTime: format.dateTime(query.data.frozenAt) })
              : query.data.source === 'live'
                ? t('risks.report.live')
                : t('risks.report.none')}{' '}
            <Link asChild>
              <RouterLink to={`/prosjekter/${projectId}/risikoer`}>{t('risks.projectLink')}</RouterLink>
            </Link>
          </Paragraph>
          {query.data.source !== 'none' && (
            <>
              <section aria-labelledby={changesId}>
                <Heading level={3} data-size="xs" id={changesId}>
                  {t('risks.report.changesHeading')}
                </Heading>
                {query.data.previous === null || query.data.changes === null ? (
                  <Paragraph>{t('risks.report.noPrevious')}</Paragraph>
                ) : (
                  <>
                    <Paragraph data-size="sm" className="muted">
                      {t('risks.report.changesSince', { period: period(query.data.previous.period) })}
                    </Paragraph>
                    {query.data.changes.length === 0 ? (
                      <Paragraph>{t('risks.report.noChanges')}</Paragraph>
                    ) : (
                      <List.Unordered className="risk-changes" aria-label={t('risks.report.changesCaption')}>
                        {query.data.changes.map((c) => (
                          <ChangeItem key={`${c.kind}-${c.riskId}`} change={c} />
                        ))}
                      </List.Unordered>
                    )}
                  </>
                )}
              </section>
              {query.data.risks.length === 0 ? (
                <Paragraph>{t('risks.report.empty')}</Paragraph>
              ) : (
                <>
                  <HeatMap risks={query.data.risks} headingLevel={3} showBasisChoice={false} />
                  <RiskTable risks={query.data.risks} caption={t('risks.report.risksCaption')} />
                </>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function ChangeItem({ change }: { change: RiskChange }) {
  const { t } = useTranslation();
  const scores =
    change.fromScore !== null && change.toScore !== null
      ? ` ${t('risks.report.scoreChange', { from: change.fromScore, to: change.toScore })}`
      : '';
  return (
    <List.Item>
      <Tag data-color={CHANGE_COLOR[change.kind]} data-size="sm">
        {t(`risks.report.kinds.${change.kind}`)}
      </Tag>{' '}
      <strong>{t('risks.number', { n: change.number })}</strong> {change.description}
      {scores}
    </List.Item>
  );
}
