import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { NotificationList } from '../../../api/progress-types';

/** One's notifications (mentions and reminders), newest first, with the unread count. */
export async function getNotifications({ signal }: { signal?: AbortSignal } = {}): Promise<NotificationList> {
  return unwrap(await api.GET('/api/notifications', { params: { query: { limit: 100 } }, signal }));
}

export function getNotificationsQueryOptions() {
  return queryOptions({ queryKey: ['notifications', 'list'], queryFn: ({ signal }) => getNotifications({ signal }) });
}

export function useNotifications({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getNotificationsQueryOptions(), enabled });
}

export async function getUnreadCount({ signal }: { signal?: AbortSignal } = {}): Promise<number> {
  return unwrap(await api.GET('/api/notifications/unread-count', { signal })).unreadCount;
}

/** The header's bell: asked again every minute and when the window gets focus. */
export function getUnreadCountQueryOptions() {
  return queryOptions({
    queryKey: ['notifications', 'unread-count'],
    queryFn: ({ signal }) => getUnreadCount({ signal }),
    refetchInterval: 60_000,
  });
}

export function useUnreadCount({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getUnreadCountQueryOptions(), enabled });
}

export async function notificationsChanged(queryClient: QueryClient) {
  await queryClient.invalidateQueries({ queryKey: ['notifications'] });
}
