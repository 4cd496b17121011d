import { useId } from 'react';
import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { isReportPeriod } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatusReport, StatusReportSummary } from '../../../api/progress-types';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateStatusReport } from '../api/create-status-report';
import { progressErrorMessage, usePeriod } from './progress-text';
import { ReportColoursList } from './status-colours';
import './progress.css';
import { TableScroll } from '../../../components/table-scroll';

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
  // CreateStatusReportDto: an optional period 'YYYY-MM' (the current month when left out).
  const form = useApiForm<{ period: string }>({ defaultValues: { period: '' }, message: progressErrorMessage });
  const create = useCreateStatusReport(projectId);

  const start = form.handleSubmit(async ({ period: month }) => {
    try {
      onCreated(await create.mutateAsync(month ? { period: month } : {}));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      {canCreate && (
        <section aria-labelledby={newId} className="section panel">
          <Heading level={2} data-size="sm" id={newId}>
            {t('progress.reports.newHeading')}
          </Heading>
          <Paragraph>{t('progress.reports.newIntro')}</Paragraph>
          <form className="form form--inline" onSubmit={(e) => void start(e)} noValidate>
            <Textfield
              type="month"
              label={t('progress.reports.period')}
              description={t('progress.reports.periodHint')}
              {...form.register('period', { validate: (v) => !v || isReportPeriod(v) || t('progress.reports.periodInvalid') })}
              error={form.formState.errors.period?.message}
            />
            <FormError message={form.formError} />
            <div className="form__actions">
              <Button type="submit" loading={form.formState.isSubmitting} disabled={form.formState.isSubmitting}>
                {t('progress.reports.start')}
              </Button>
            </div>
          </form>
        </section>
      )}
      {reports.length === 0 ? (
        <Paragraph>{t('progress.reports.empty')}</Paragraph>
      ) : (
        <TableScroll>
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
        </TableScroll>
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
