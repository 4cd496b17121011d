import { useCallback, useRef, useState } from 'react';
import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatusReport } from '../../../api/progress-types';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { getStatusReportQueryOptions } from '../api/get-status-report';
import { usePeriod } from './progress-text';
import { StatusReportForm } from './status-report-form';
import { ReportStateTag } from './status-reports-list';
import { StatusReportView } from './status-report-view';
import './progress.css';

/**
 * One status report: the form while it is a draft the person may change (each aspect a colour with
 * words and a comment, the economy's figures, next steps; save, publish, delete), otherwise the
 * report as text. Published reports are frozen.
 */
export function StatusReportPage({
  projectId,
  report,
  message = null,
  onDeleted,
}: {
  projectId: string;
  report: StatusReport;
  /** A message from the page before (e.g. "the draft is created"), shown until the next one. */
  message?: string | null;
  onDeleted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(message);
  const [session, setSession] = useState(0);

  const announce = useCallback((message: string) => {
    setStatus(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  const reload = useCallback(async () => {
    await queryClient.fetchQuery({ ...getStatusReportQueryOptions(projectId, report.id), staleTime: 0 });
    setSession((s) => s + 1);
    setStatus(t('progress.report.reloaded'));
  }, [queryClient, projectId, report.id, t]);

  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1}>
            {t('progress.report.title', { period: period(report.period) })}
          </Heading>
          <ReportStateTag state={report.state} />
        </div>
      </div>
      <Paragraph className="muted">
        {report.state === 'published' && report.publishedAt
          ? t('progress.report.publishedBy', {
              dateTime: format.dateTime(report.publishedAt),
              name: report.publishedBy?.name ?? t('progress.report.someone'),
            })
          : t('progress.report.draftChanged', { dateTime: format.dateTime(report.updatedAt) })}
        {report.copiedFromId && (
          <>
            {' '}
            <Link asChild>
              <RouterLink to={`/prosjekter/${projectId}/statusrapporter/${report.copiedFromId}`}>
                {t('progress.report.copiedFrom')}
              </RouterLink>
            </Link>
          </>
        )}
      </Paragraph>
      <StatusMessage message={status} />
      {report.state === 'published' && (
        <Alert data-color="info">
          <Paragraph>{t('progress.report.frozen')}</Paragraph>
        </Alert>
      )}
      {report.editable ? (
        <StatusReportForm
          key={session}
          projectId={projectId}
          report={report}
          onSaved={setStatus}
          onPublished={announce}
          onDeleted={onDeleted}
          onReload={reload}
        />
      ) : (
        <StatusReportView report={report} />
      )}
    </>
  );
}
