import { Heading } from '@digdir/designsystemet-react';
import { useQueries, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../../features/progress/api/get-notifications';
import { getStatusReportsQueryOptions } from '../../features/progress/api/get-status-reports';
import { MyTasks } from '../../features/progress/components/my-tasks';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { getProjectsQueryOptions, useProjects } from '../../features/projects/api/get-projects';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const myTasksLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    void queryClient.prefetchQuery(getProjectsQueryOptions());
    return null;
  };

/**
 * /mine-oppgaver — the project leader's start page: the projects they may see (GET /api/projects),
 * each project's next actions (GET /api/projects/:id) and status reports, and unread notifications.
 */
export function MyTasksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.tasks.title'));
  const list = useProjects();
  const ids = (list.data ?? []).map((p) => p.id);
  const activeIds = (list.data ?? []).filter((p) => p.status === 'active').map((p) => p.id);
  const projects = useQueries({ queries: ids.map((id) => getProjectQueryOptions(id)) });
  const reports = useQueries({ queries: activeIds.map((id) => getStatusReportsQueryOptions(id)) });
  const notifications = useNotifications();
  const loaded = projects.every((q) => q.data);
  const failed = list.error ?? projects.find((q) => q.error)?.error;

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('progress.tasks.title')}
      </Heading>
      {failed ? (
        <ErrorAlert error={failed} title={t('progress.tasks.loadError')} />
      ) : list.data && loaded ? (
        <MyTasks
          projects={projects.map((q) => q.data!)}
          reportsByProject={Object.fromEntries(activeIds.map((id, i) => [id, reports[i]?.data]))}
          unread={(notifications.data?.items ?? []).filter((n) => !n.readAt)}
        />
      ) : (
        <Loading label={t('progress.tasks.loading')} />
      )}
    </div>
  );
}
