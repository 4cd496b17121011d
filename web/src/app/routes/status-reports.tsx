import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getStatusReportsQueryOptions, useStatusReports } from '../../features/progress/api/get-status-reports';
import { StatusReportsList } from '../../features/progress/components/status-reports-list';
import { ProgressError } from '../../features/progress/components/progress-error';
import { usePeriod } from '../../features/progress/components/progress-text';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const statusReportsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getStatusReportsQueryOptions(params.id));
    }
    return null;
  };

/** /prosjekter/:id/statusrapporter — the project's monthly reports; the project leader starts new ones here. */
export function StatusReportsRoute() {
  const { t } = useTranslation();
  const period = usePeriod();
  const navigate = useNavigate();
  const { id } = useParams();
  const state = useLocation().state as { message?: string } | null;
  const valid = isUuid(id);
  const project = useProject(id ?? '', { enabled: valid });
  const reports = useStatusReports(id ?? '', { enabled: valid });
  const error = project.error ?? reports.error;
  const notFound = !valid || isProjectNotFound(project.error);
  const title = project.data ? t('progress.reports.titleFor', { project: project.data.name }) : t('progress.reports.title');
  useDocumentTitle(notFound ? t('projects.detail.notFoundTitle') : title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project.data} />
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('projects.detail.notFoundTitle')}
          </Heading>
          <Paragraph>{t('projects.detail.notFoundBody')}</Paragraph>
        </>
      ) : project.data && reports.data ? (
        <>
          <Heading level={1} data-size="lg">
            {title}
          </Heading>
          <Paragraph>{t('progress.reports.intro')}</Paragraph>
          <StatusMessage message={state?.message ?? null} />
          <StatusReportsList
            projectId={project.data.id}
            reports={reports.data}
            canCreate={project.data.permissions.submit && project.data.status === 'active'}
            onCreated={(report) =>
              navigate(`/prosjekter/${report.projectId}/statusrapporter/${report.id}`, {
                state: { message: t('progress.reports.created', { period: period(report.period) }) },
              })
            }
          />
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('progress.reports.loadError')}
          </Heading>
          <ProgressError error={error} />
        </>
      ) : (
        <Loading label={t('progress.reports.loading')} />
      )}
    </div>
  );
}
