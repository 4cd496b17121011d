import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** An administrator sets a new password for someone; their sessions end. */
export async function setUserPassword({ id, newPassword }: { id: string; newPassword: string }): Promise<void> {
  unwrap(await api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { newPassword } }));
}

export function useSetUserPassword(id: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: (newPassword: string) => setUserPassword({ id, newPassword }), onSuccess });
}
