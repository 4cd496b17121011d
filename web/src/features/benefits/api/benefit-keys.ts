/**
 * The query keys of the benefits register: below the project's key (so refreshing the project refreshes
 * the register too), and the region's view below the region's.
 */
export const benefitKeys = {
  register: (projectId: string) => ['projects', 'detail', projectId, 'benefits'] as const,
  owners: (projectId: string) => ['projects', 'detail', projectId, 'benefits', 'owners'] as const,
  region: (regionId: string) => ['regions', 'detail', regionId, 'benefits'] as const,
  /** The project's history, which records every change to the register. */
  history: (projectId: string) => ['projects', 'detail', projectId, 'history'] as const,
};
