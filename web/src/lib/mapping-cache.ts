import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * The query keys of a project's mapping (Kartlegging): its surveys, conversations, needs overview and
 * recommendations, and the project history that records every change to them. The features build their
 * queries on these keys; this file knows only the keys, so no feature imports another.
 */
export const mappingKeys = {
  /** Every survey of the project: the list, each survey, its results and cross-tabulations. */
  surveys: (projectId: string) => ['surveys', projectId] as const,
  conversations: (projectId: string) => ['projects', 'detail', projectId, 'conversations'] as const,
  /** Respondents and conversations per need, counted from both surveys and conversations. */
  needs: (projectId: string) => ['projects', 'detail', projectId, 'needs'] as const,
  /** The register and the sources its evidence may point at (the surveys' and conversations' titles). */
  recommendations: (projectId: string) => ['projects', 'detail', projectId, 'recommendations'] as const,
  /** The project's history (the key of the project pages' history query). */
  history: (projectId: string) => ['projects', 'detail', projectId, 'history'] as const,
};

/**
 * After any write to a survey, a conversation or a recommendation: refresh everything of the mapping
 * that may show it. A survey's answers and settings change its results, the needs overview and the
 * evidence sources; a conversation changes the needs overview and the sources; every write is in the
 * history. Only queries on screen are fetched again; the rest are fetched when next shown.
 * `fresh`: a query just filled with the server's answer, left as it is (its results below it are not).
 */
export async function invalidateMapping(queryClient: QueryClient, projectId: string, { fresh }: { fresh?: QueryKey } = {}): Promise<void> {
  const freshHash = fresh ? hashKey(fresh) : undefined;
  await Promise.all(
    Object.values(mappingKeys).map((key) =>
      queryClient.invalidateQueries({ queryKey: key(projectId), predicate: (query) => query.queryHash !== freshHash }),
    ),
  );
}
