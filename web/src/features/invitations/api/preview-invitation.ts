import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { InvitationPreview } from '../../../api/types';

/** What an invitation link gives, and how it may be accepted (no session needed). */
export async function previewInvitation(token: string): Promise<InvitationPreview> {
  return unwrap(await api.POST('/api/invitations/lookup', { body: { token } }));
}

export function getInvitationPreviewQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitations', 'preview', token],
    queryFn: () => previewInvitation(token),
    retry: false,
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({ ...getInvitationPreviewQueryOptions(token), enabled: token !== '' });
}
