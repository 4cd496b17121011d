import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { getHistoryQueryOptions } from '../../features/projects/api/get-history';
import { ProjectOverview } from '../../features/projects/components/project-overview';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ProjectFollowUpLinks } from '../../features/progress/components/project-links';
import { useRegion } from '../../features/regions/api/get-region';
import { usePeople } from '../../features/users/api/get-people';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const projectLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getHistoryQueryOptions(params.id));
    }
    return null;
  };

/**
 * A project's page. Composes the projects feature with what only those who manage it use: the
 * people directory (to choose the team) and the region's current members (to change kommuner).
 */
export function ProjectRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const valid = isUuid(id);
  const project = useProject(id ?? '', { enabled: valid });
  const state = useLocation().state as { message?: string } | null;
  const manage = project.data?.permissions.manage ?? false;
  const people = usePeople({ enabled: manage });
  const region = useRegion(project.data?.regionId ?? '', { enabled: manage });

  const notFound = !valid || (project.isError && isProjectNotFound(project.error));
  useDocumentTitle(
    notFound
      ? t('projects.detail.notFoundTitle')
      : project.data
        ? project.data.name
        : project.isError
          ? t('projects.detail.loadError')
          : t('projects.detail.loading'),
  );

  return (
    <div className="page">
      <ProjectBreadcrumbs />
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('projects.detail.notFoundTitle')}
          </Heading>
          <Paragraph>{t('projects.detail.notFoundBody')}</Paragraph>
        </>
      ) : project.data ? (
        <>
          <StatusMessage message={state?.message ?? null} />
          <ProjectOverview
            project={project.data}
            people={manage ? people.data : undefined}
            regionKommuner={region.data?.members
              .filter((m) => m.current)
              .map((m) => ({ id: m.kommune.id, number: m.kommune.number, name: m.kommune.name }))}
          />
          <ProjectFollowUpLinks project={project.data} />
        </>
      ) : project.isError ? (
        <>
          <Heading level={1} data-size="lg">
            {t('projects.detail.loadError')}
          </Heading>
          <ErrorAlert error={project.error} />
        </>
      ) : (
        <Loading label={t('projects.detail.loading')} />
      )}
    </div>
  );
}
