import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { UpdateUserBody, User } from '../../../api/types';
import { userChanged } from './get-users';

/** Name, e-mail, or deactivation (ends the person's sessions), with the version read. */
export async function updateUser({ id, body }: { id: string; body: UpdateUserBody }): Promise<User> {
  return unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

export function useUpdateUser(id: string, { onSuccess }: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserBody) => updateUser({ id, body }),
    onSuccess: async (user) => {
      await userChanged(queryClient, user);
      onSuccess?.(user);
    },
  });
}
