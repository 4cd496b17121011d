import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { mappingKeys } from '../../../lib/mapping-cache';
import type { Recommendation, RecommendationDto } from './types';

/**
 * The one cast: the generated RecommendationDto types each evidence reference as one flat shape with
 * optional ids; the server only stores a survey reference with its surveyId and a conversation reference
 * with its conversationId, which is what Recommendation's union says (see EvidenceRef in types.ts).
 */
export function asRecommendation(dto: RecommendationDto): Recommendation {
  return dto as Recommendation;
}

export async function getRecommendations(projectId: string, { signal }: { signal?: AbortSignal } = {}): Promise<Recommendation[]> {
  return unwrap(await api.GET('/api/projects/{id}/recommendations', { params: { path: { id: projectId } }, signal })).map(asRecommendation);
}

/** Below the project's key, so invalidating the project refreshes the register too. */
export function getRecommendationsQueryOptions(projectId: string) {
  return queryOptions({
    queryKey: mappingKeys.recommendations(projectId),
    queryFn: ({ signal }) => getRecommendations(projectId, { signal }),
  });
}

export function useRecommendations(projectId: string) {
  return useQuery(getRecommendationsQueryOptions(projectId));
}
