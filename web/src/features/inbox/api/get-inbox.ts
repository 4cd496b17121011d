import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { paths } from '../../../api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Inbox = JsonOf<paths['/api/inbox']['get']['responses'][200]>;
export type InboxItem = Inbox['items'][number];
export type InboxItemKind = InboxItem['kind'];

/** What waits on the signed-in person ("Venter på deg"), by due date. */
export async function getInbox({ signal }: { signal?: AbortSignal } = {}): Promise<Inbox> {
  return unwrap(await api.GET('/api/inbox', { signal }));
}

export function getInboxQueryOptions() {
  return queryOptions({ queryKey: ['inbox'], queryFn: ({ signal }) => getInbox({ signal }) });
}

export function useInbox() {
  return useQuery(getInboxQueryOptions());
}
