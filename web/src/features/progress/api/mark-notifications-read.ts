import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { notificationsChanged } from './get-notifications';

export async function markNotificationRead(id: string): Promise<void> {
  unwrap(await api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
}

export async function markAllNotificationsRead(): Promise<number> {
  return unwrap(await api.POST('/api/notifications/read-all')).marked;
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: markNotificationRead, onSuccess: () => notificationsChanged(queryClient) });
}

export function useMarkAllNotificationsRead({ onSuccess }: { onSuccess?: (marked: number) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: async (marked) => {
      await notificationsChanged(queryClient);
      onSuccess?.(marked);
    },
  });
}
