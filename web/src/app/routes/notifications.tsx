import { Heading } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getNotificationsQueryOptions, useNotifications } from '../../features/progress/api/get-notifications';
import { NotificationsList } from '../../features/progress/components/notifications-list';
import { ProgressError } from '../../features/progress/components/progress-error';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const notificationsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    void queryClient.prefetchQuery(getNotificationsQueryOptions());
    return null;
  };

/** /varsler — mentions and reminders, newest first. */
export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.notifications.title'));
  const notifications = useNotifications();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('progress.notifications.title')}
      </Heading>
      {notifications.isPending ? (
        <Loading label={t('progress.notifications.loading')} />
      ) : notifications.isError ? (
        <ProgressError error={notifications.error} title={t('progress.notifications.loadError')} />
      ) : (
        <NotificationsList items={notifications.data.items} unreadCount={notifications.data.unreadCount} />
      )}
    </div>
  );
}
