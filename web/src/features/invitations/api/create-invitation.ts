import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { CreateInvitationBody, Invitation } from '../../../api/types';
import type { InvitationScope } from './get-invitations';

/** Invites a person by e-mail with the roles to give; the e-mail with the link goes out at once. */
export async function createInvitation(scope: InvitationScope, body: CreateInvitationBody): Promise<Invitation> {
  switch (scope.kind) {
    case 'all':
      return unwrap(await api.POST('/api/invitations', { body }));
    case 'region':
      return unwrap(await api.POST('/api/regions/{id}/invitations', { params: { path: { id: scope.regionId } }, body }));
    case 'project':
      return unwrap(await api.POST('/api/projects/{id}/invitations', { params: { path: { id: scope.projectId } }, body }));
  }
}

export function useCreateInvitation(scope: InvitationScope, { onSuccess }: { onSuccess?: (invitation: Invitation) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => createInvitation(scope, body),
    onSuccess: async (invitation) => {
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
      onSuccess?.(invitation);
    },
  });
}
