import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getStatusReportQueryOptions, useStatusReport } from '../../features/progress/api/get-status-report';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { ProgressError } from '../../features/progress/components/progress-error';
import { usePeriod } from '../../features/progress/components/progress-text';
import { StatusReportPage } from '../../features/progress/components/status-report-page';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { Loading } from '../../components/loading';
import { isApiError } from '../../lib/api-error';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const statusReportLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id) && isUuid(params.reportId)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getStatusReportQueryOptions(params.id, params.reportId));
    }
    return null;
  };

/** /prosjekter/:id/statusrapporter/:reportId — one report (the server's notifications link here), with its comments. */
export function StatusReportRoute() {
  const { t } = useTranslation();
  const period = usePeriod();
  const navigate = useNavigate();
  const { id, reportId } = useParams();
  const state = useLocation().state as { message?: string } | null;
  const valid = isUuid(id) && isUuid(reportId);
  const project = useProject(id ?? '', { enabled: valid });
  const report = useStatusReport(id ?? '', reportId ?? '', { enabled: valid });
  const error = project.error ?? report.error;
  const notFound = !valid || isProjectNotFound(project.error) || (isApiError(report.error) && report.error.status === 404);

  useDocumentTitle(
    notFound
      ? t('progress.report.notFound')
      : report.data && project.data
        ? `${t('progress.report.title', { period: period(report.data.period) })} – ${project.data.name}`
        : t('progress.report.loading'),
  );

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project.data} />
      {project.data && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.data.id}/statusrapporter`}>{t('progress.report.backToList')}</RouterLink>
          </Link>
        </Paragraph>
      )}
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('progress.report.notFound')}
          </Heading>
          <Paragraph>{t('progress.report.notFoundBody')}</Paragraph>
        </>
      ) : project.data && report.data ? (
        <>
          <StatusReportPage
            projectId={project.data.id}
            report={report.data}
            message={state?.message ?? null}
            onDeleted={(message) => navigate(`/prosjekter/${project.data.id}/statusrapporter`, { replace: true, state: { message } })}
          />
          <CommentsSection
            projectId={project.data.id}
            targetType="status_report"
            targetId={report.data.id}
            canComment={project.data.permissions.comment}
          />
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('progress.report.loadError')}
          </Heading>
          <ProgressError error={error} />
        </>
      ) : (
        <Loading label={t('progress.report.loading')} />
      )}
    </div>
  );
}
