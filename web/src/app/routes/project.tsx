import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { canOnProject } from '@nvr/shared';
import { useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { getProjectPageQueryOptions, useProjectPage } from '../../features/projects/api/get-project-page';
import { ProjectOverview } from '../../features/projects/components/project-overview';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { InvitationsSection } from '../../features/invitations/components/invitations-section';
import { ProjectFollowUpLinks } from '../../features/progress/components/project-links';
import { getPeopleQueryOptions, usePeople } from '../../features/users/api/get-people';
import { StatusMessage } from '../../components/status-message';
import { isApiError } from '../../lib/api-error';
import { requireMe, useAccess } from '../../lib/auth';
import { notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const projectLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    // The whole page in one request, read afresh on each visit (fetchQuery: ensureQueryData would serve an
    // old answer again). It seeds the project and history queries; the people directory is seeded here.
    try {
      const page = await queryClient.fetchQuery({ ...getProjectPageQueryOptions(params.id), staleTime: 0 });
      if (page.people) queryClient.setQueryData(getPeopleQueryOptions().queryKey, page.people);
    } catch (error) {
      if (isApiError(error) && error.status === 404) notFound('project');
      throw error;
    }
    return null;
  };

/**
 * A project's page. Composes the projects feature with what only those who manage it use: the
 * people directory (to choose the team) and the region's current members (to change kommuner), both
 * in the page's answer.
 */
export function ProjectRoute() {
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: page } = useProjectPage(id);
  const state = useLocation().state as { message?: string } | null;
  const manage = project.permissions.manage;
  const people = usePeople({ enabled: manage });
  const { roles } = useAccess();
  useDocumentTitle(project.name);

  return (
    <div className="page">
      <ProjectBreadcrumbs />
      <StatusMessage message={state?.message ?? null} />
      <ProjectOverview project={project} people={manage ? people.data : undefined} regionKommuner={page.regionKommuner ?? undefined} />
      <ProjectFollowUpLinks project={project} />
      {canOnProject(roles, project, 'invite') && <InvitationsSection scope={{ kind: 'project', projectId: project.id }} />}
    </div>
  );
}
