import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { RoleInput, User } from '../../../api/types';
import { userChanged } from './get-users';

/** Replaces an account's admin and region roles (project roles are given on the project's page). */
export async function setUserRoles({ id, roles }: { id: string; roles: RoleInput[] }): Promise<User> {
  return unwrap(await api.PUT('/api/users/{id}/roles', { params: { path: { id } }, body: { roles } }));
}

export function useSetUserRoles(id: string, { onSuccess }: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roles: RoleInput[]) => setUserRoles({ id, roles }),
    onSuccess: async (user) => {
      await userChanged(queryClient, user);
      onSuccess?.(user);
    },
  });
}
