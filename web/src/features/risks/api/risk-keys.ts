/**
 * The query keys of the risk register. A project's register lives below the project's key, so
 * invalidating the project refreshes it; a report's register below the register's, so every write to the
 * register refreshes a draft's live view; the top risks across projects have their own root.
 */
export const riskKeys = {
  register: (projectId: string) => ['projects', 'detail', projectId, 'risks'] as const,
  owners: (projectId: string) => ['projects', 'detail', projectId, 'risks', 'owners'] as const,
  report: (projectId: string, reportId: string) => ['projects', 'detail', projectId, 'risks', 'report', reportId] as const,
  top: (limit: number) => ['risks', 'top', limit] as const,
  /** The project's history (the key of the project pages' history query), which records every change. */
  history: (projectId: string) => ['projects', 'detail', projectId, 'history'] as const,
};
