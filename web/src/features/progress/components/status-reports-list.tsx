import { useId, useState } from 'react';
import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { isReportPeriod } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatusReport, StatusReportSummary } from '../../../api/progress-types';
import { useFormat } from '../../../lib/format';
import { useCreateStatusReport } from '../api/create-status-report';
import { ProgressError } from './progress-error';
import { usePeriod } from './progress-text';
import { ReportColoursList } from './status-colours';
import './progress.css';

/** A project's monthly status reports, newest first, and (for the project leader) "start a new report". */
export function StatusReportsList({
  projectId,
  reports,
  canCreate,
  onCreated,
}: {
  projectId: string;
  reports: StatusReportSummary[];
  canCreate: boolean;
  onCreated: (report: StatusReport) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const newId = useId();
  const [month, setMonth] = useState('');
  const [monthError, setMonthError] = useState<string | null>(null);
  const create = useCreateStatusReport(projectId, { onSuccess: onCreated });

  function start() {
    if (month && !isReportPeriod(month)) {
      setMonthError(t('progress.reports.periodInvalid'));
      return;
    }
    setMonthError(null);
    create.mutate(month ? { period: month } : {});
  }

  return (
    <>
      {canCreate && (
        <section aria-labelledby={newId} className="section panel">
          <Heading level={2} data-size="sm" id={newId}>
            {t('progress.reports.newHeading')}
          </Heading>
          <Paragraph>{t('progress.reports.newIntro')}</Paragraph>
          <div className="form form--inline">
            <Textfield
              type="month"
              label={t('progress.reports.period')}
              description={t('progress.reports.periodHint')}
              value={month}
              error={monthError}
              onChange={(e) => setMonth(e.target.value)}
            />
            {create.error ? <ProgressError error={create.error} /> : null}
            <div className="form__actions">
              <Button type="button" onClick={start} loading={create.isPending} disabled={create.isPending}>
                {t('progress.reports.start')}
              </Button>
            </div>
          </div>
        </section>
      )}
      {reports.length === 0 ? (
        <Paragraph>{t('progress.reports.empty')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table zebra border>
            <caption>{t('progress.reports.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('progress.reports.columns.period')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('progress.reports.columns.state')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('progress.reports.columns.colours')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('progress.reports.columns.published')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {reports.map((r) => (
                <Table.Row key={r.id}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={`/prosjekter/${projectId}/statusrapporter/${r.id}`}>
                        {t('progress.reports.linkName', { period: period(r.period) })}
                      </RouterLink>
                    </Link>
                  </Table.HeaderCell>
                  <Table.Cell>
                    <ReportStateTag state={r.state} />
                  </Table.Cell>
                  <Table.Cell>
                    <ReportColoursList colours={r.colours} />
                  </Table.Cell>
                  <Table.Cell>
                    {r.publishedAt ? format.dateTime(r.publishedAt) : <span className="muted">{t('progress.reports.notPublished')}</span>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

export function ReportStateTag({ state }: { state: 'draft' | 'published' }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={state === 'published' ? 'success' : 'neutral'}>
      {t(`progress.reports.states.${state}`)}
    </Tag>
  );
}
