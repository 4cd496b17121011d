import { Heading } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getNotificationsQueryOptions } from '../../features/progress/api/get-notifications';
import { NotificationsList } from '../../features/progress/components/notifications-list';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const notificationsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    await queryClient.ensureQueryData(getNotificationsQueryOptions());
    return null;
  };

/** /varsler — mentions and reminders, newest first. */
export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.notifications.title'));
  const { data: notifications } = useSuspenseQuery(getNotificationsQueryOptions());
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('progress.notifications.title')}
      </Heading>
      <NotificationsList items={notifications.items} unreadCount={notifications.unreadCount} />
    </div>
  );
}
