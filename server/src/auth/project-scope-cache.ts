/** The project a project-scoped route acts on, as its access rule needs it. */
export interface ProjectScope {
  id: string;
  regionId: string;
}

/**
 * Which region each project belongs to, as this instance last read it. A project never moves to another
 * region and is never deleted (it is stopped or completed instead), so a kept answer cannot go stale; only
 * projects that exist are kept, and the oldest read is dropped once `maxEntries` are held. This spares the
 * access guard one statement on every project-scoped request (issue #13).
 */
export class ProjectScopeCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly maxEntries = 20_000) {}

  get size(): number {
    return this.entries.size;
  }

  get(projectId: string): ProjectScope | undefined {
    const regionId = this.entries.get(projectId);
    return regionId === undefined ? undefined : { id: projectId, regionId };
  }

  remember(scope: ProjectScope): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(scope.id);
    this.entries.set(scope.id, scope.regionId);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
