import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session, unwrap } from '../../../lib/api-client';
import type { AcceptInvitationBody, Me } from '../../../api/types';
import { getMeQueryOptions } from '../../../lib/auth';

/** Accepts an invitation by choosing a password: the account is created with the invited roles, and signed in. */
export async function acceptInvitation(body: AcceptInvitationBody): Promise<Me> {
  return unwrap(await api.POST('/api/invitations/accept', { body }));
}

export function useAcceptInvitation({ onSuccess }: { onSuccess?: (me: Me) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (me) => {
      // A new session, as after login: nothing cached for someone else may show in it.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      session.csrfToken = me.csrfToken;
      queryClient.setQueryData(getMeQueryOptions().queryKey, me);
      onSuccess?.(me);
    },
  });
}
