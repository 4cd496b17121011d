import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import type { MentionablePerson } from '../../../api/progress-types';

/** How many people the mention picker offers at once. */
export const MENTION_PICKER_LIMIT = 8;

/** The people who can be @mentioned on the project whose name or address has a word starting with `q`, best first. */
export async function getMentionablePeople(
  projectId: string,
  q: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<MentionablePerson[]> {
  return unwrap(
    await api.GET('/api/projects/{id}/mentionable-people', {
      params: { path: { id: projectId }, query: { q, limit: MENTION_PICKER_LIMIT } },
      signal,
    }),
  );
}

export function getMentionablePeopleQueryOptions(projectId: string, q: string) {
  return queryOptions({
    queryKey: ['projects', 'detail', projectId, 'mentionable-people', q.toLowerCase()],
    queryFn: ({ signal }) => getMentionablePeople(projectId, q, { signal }),
    staleTime: 60_000,
  });
}

/** Asks only while a mention is being typed (`q` not null); keeps the last answer on screen while the next loads. */
export function useMentionablePeople(projectId: string, q: string | null) {
  return useQuery({ ...getMentionablePeopleQueryOptions(projectId, q ?? ''), enabled: q !== null, placeholderData: keepPreviousData });
}
