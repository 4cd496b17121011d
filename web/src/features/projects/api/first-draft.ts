import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../api/schema';
import { api, unwrap } from '../../../lib/api-client';
import { getDeliverableQueryOptions } from './get-deliverable';

type FirstDraftPath = paths['/api/projects/{id}/deliverables/{deliverableId}/first-draft']['get'];

/** The languages a first draft is written in (FirstDraftQueryDto.lang). */
export type FirstDraftLanguage = NonNullable<NonNullable<FirstDraftPath['parameters']['query']>['lang']>;

/** FirstDraftDto: the draft text, plain text in paragraphs separated by a blank line. Nothing is stored. */
export type FirstDraft = FirstDraftPath['responses'][200]['content']['application/json'];

/** The forstudie deliverables the mapping can draft (server: FIRST_DRAFT_KEYS in deliverables/first-draft.ts). */
const DRAFTABLE = ['business_needs', 'recommendation'];

export function hasFirstDraft(deliverable: { phaseKey: string; key: string | null }): boolean {
  return deliverable.phaseKey === 'forstudie' && deliverable.key !== null && DRAFTABLE.includes(deliverable.key);
}

/** A first draft of the deliverable's text in `lang`, made from the mapping (operation getDeliverableFirstDraft). */
export async function getFirstDraft(
  projectId: string,
  deliverableId: string,
  lang: FirstDraftLanguage,
  { signal }: { signal?: AbortSignal } = {},
): Promise<FirstDraft> {
  return unwrap(
    await api.GET('/api/projects/{id}/deliverables/{deliverableId}/first-draft', {
      params: { path: { id: projectId, deliverableId }, query: { lang } },
      signal,
    }),
  );
}

export function getFirstDraftQueryOptions(projectId: string, deliverableId: string, lang: FirstDraftLanguage) {
  return queryOptions({
    queryKey: [...getDeliverableQueryOptions(projectId, deliverableId).queryKey, 'first-draft', lang],
    queryFn: ({ signal }) => getFirstDraft(projectId, deliverableId, lang, { signal }),
    // The mapping changes under it (new answers, conversations): always ask again.
    staleTime: 0,
    gcTime: 0,
  });
}

/** A function that fetches a fresh first draft on demand (the button in the deliverable form). */
export function useFetchFirstDraft(projectId: string, deliverableId: string) {
  const queryClient = useQueryClient();
  return (lang: FirstDraftLanguage) => queryClient.fetchQuery(getFirstDraftQueryOptions(projectId, deliverableId, lang));
}
