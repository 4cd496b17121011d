import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { getHistoryQueryOptions } from '../../features/projects/api/get-history';
import { ProjectOverview } from '../../features/projects/components/project-overview';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ProjectFollowUpLinks } from '../../features/progress/components/project-links';
import { useRegion } from '../../features/regions/api/get-region';
import { usePeople } from '../../features/users/api/get-people';
import { StatusMessage } from '../../components/status-message';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const projectLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    // The history loads with the page, below the fold; only the project is awaited.
    void queryClient.prefetchQuery(getHistoryQueryOptions(params.id));
    await ensureFound(queryClient, getProjectQueryOptions(params.id), 'project');
    return null;
  };

/**
 * A project's page. Composes the projects feature with what only those who manage it use: the
 * people directory (to choose the team) and the region's current members (to change kommuner).
 */
export function ProjectRoute() {
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const state = useLocation().state as { message?: string } | null;
  const manage = project.permissions.manage;
  const people = usePeople({ enabled: manage });
  const region = useRegion(project.regionId, { enabled: manage });
  useDocumentTitle(project.name);

  return (
    <div className="page">
      <ProjectBreadcrumbs />
      <StatusMessage message={state?.message ?? null} />
      <ProjectOverview
        project={project}
        people={manage ? people.data : undefined}
        regionKommuner={region.data?.members
          .filter((m) => m.current)
          .map((m) => ({ id: m.kommune.id, number: m.kommune.number, name: m.kommune.name }))}
      />
      <ProjectFollowUpLinks project={project} />
    </div>
  );
}
