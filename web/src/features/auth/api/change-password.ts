import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordBody } from '../../../api/types';
import { api, unwrap } from '../../../lib/api-client';

/** Changes the signed-in person's password; the server ends their other sessions (422 CURRENT_PASSWORD_WRONG). */
export async function changePassword(body: ChangePasswordBody): Promise<void> {
  unwrap(await api.POST('/api/auth/password', { body }));
}

export function useChangePassword({ onSuccess }: { onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: changePassword, onSuccess });
}
