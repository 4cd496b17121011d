import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateUserBody, User } from '../../../api/types';
import { userChanged } from './get-users';

/** Creates an account with a first password and region roles (409 EMAIL_TAKEN). */
export async function createUser(body: CreateUserBody): Promise<User> {
  return unwrap(await api.POST('/api/users', { body }));
}

export function useCreateUser({ onSuccess }: { onSuccess?: (user: User) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: async (user) => {
      await userChanged(queryClient, user);
      onSuccess?.(user);
    },
  });
}
