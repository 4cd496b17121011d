import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getStatusReportsQueryOptions } from '../../features/progress/api/get-status-reports';
import { StatusReportsList } from '../../features/progress/components/status-reports-list';
import { usePeriod } from '../../features/progress/components/progress-text';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { StatusMessage } from '../../components/status-message';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const statusReportsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getStatusReportsQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/** /prosjekter/:id/statusrapporter — the project's monthly reports; the project leader starts new ones here. */
export function StatusReportsRoute() {
  const { t } = useTranslation();
  const period = usePeriod();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const state = useLocation().state as { message?: string } | null;
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: reports } = useSuspenseQuery(getStatusReportsQueryOptions(id));
  const title = t('progress.reports.titleFor', { project: project.name });
  useDocumentTitle(title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('progress.reports.intro')}</Paragraph>
      <StatusMessage message={state?.message ?? null} />
      <StatusReportsList
        projectId={project.id}
        reports={reports}
        canCreate={project.permissions.submit && project.status === 'active'}
        onCreated={(report) =>
          navigate(`/prosjekter/${report.projectId}/statusrapporter/${report.id}`, {
            state: { message: t('progress.reports.created', { period: period(report.period) }) },
          })
        }
      />
    </div>
  );
}
