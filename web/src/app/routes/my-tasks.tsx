import { Heading } from '@digdir/designsystemet-react';
import { useQueries, useSuspenseQueries, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../../features/progress/api/get-notifications';
import { getStatusReportsQueryOptions } from '../../features/progress/api/get-status-reports';
import { MyTasks } from '../../features/progress/components/my-tasks';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { getProjectsQueryOptions } from '../../features/projects/api/get-projects';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const myTasksLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    const projects = await queryClient.ensureQueryData(getProjectsQueryOptions());
    await Promise.all(projects.map((p) => queryClient.ensureQueryData(getProjectQueryOptions(p.id))));
    return null;
  };

/**
 * /mine-oppgaver — the project leader's start page: the projects they may see (GET /api/projects),
 * each project's next actions (GET /api/projects/:id) and status reports, and unread notifications.
 */
export function MyTasksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.tasks.title'));
  const { data: list } = useSuspenseQuery(getProjectsQueryOptions());
  const activeIds = list.filter((p) => p.status === 'active').map((p) => p.id);
  const projects = useSuspenseQueries({ queries: list.map((p) => getProjectQueryOptions(p.id)) });
  const reports = useQueries({ queries: activeIds.map((id) => getStatusReportsQueryOptions(id)) });
  const notifications = useNotifications();

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('progress.tasks.title')}
      </Heading>
      <MyTasks
        projects={projects.map((q) => q.data)}
        reportsByProject={Object.fromEntries(activeIds.map((id, i) => [id, reports[i]?.data]))}
        unread={(notifications.data?.items ?? []).filter((n) => !n.readAt)}
      />
    </div>
  );
}
