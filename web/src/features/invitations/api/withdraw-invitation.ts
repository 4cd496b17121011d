import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** Withdraws a pending invitation: its link stops working. */
export async function withdrawInvitation(id: string): Promise<void> {
  unwrap(await api.DELETE('/api/invitations/{invitationId}', { params: { path: { invitationId: id } } }));
}

export function useWithdrawInvitation({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['invitations'] });
      onSuccess?.();
    },
  });
}
