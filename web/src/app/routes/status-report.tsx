import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getStatusReportQueryOptions } from '../../features/progress/api/get-status-report';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { usePeriod } from '../../features/progress/components/progress-text';
import { StatusReportPage } from '../../features/progress/components/status-report-page';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ReportRisks } from '../../features/risks/components/report-risks';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const statusReportLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id) || !isUuid(params.reportId)) notFound('statusReport');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getStatusReportQueryOptions(params.id, params.reportId), 'statusReport'),
    ]);
    return null;
  };

/** /prosjekter/:id/statusrapporter/:reportId — one report (the server's notifications link here), with its comments. */
export function StatusReportRoute() {
  const { t } = useTranslation();
  const period = usePeriod();
  const navigate = useNavigate();
  const { id = '', reportId = '' } = useParams();
  const state = useLocation().state as { message?: string } | null;
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: report } = useSuspenseQuery(getStatusReportQueryOptions(id, reportId));
  useDocumentTitle(`${t('progress.report.title', { period: period(report.period) })} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/statusrapporter`}>{t('progress.report.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <StatusReportPage
        projectId={project.id}
        report={report}
        message={state?.message ?? null}
        onDeleted={(message) => navigate(`/prosjekter/${project.id}/statusrapporter`, { replace: true, state: { message } })}
      />
      <ReportRisks projectId={project.id} reportId={report.id} state={report.state} period={period} />
      <CommentsSection projectId={project.id} targetType="status_report" targetId={report.id} canComment={project.permissions.comment} />
    </div>
  );
}
