import type { EntityManager } from 'typeorm';
import { queryOne, queryOneOrFail } from '../database/sql';
import type { ChangeRecord } from '../projects/project-changes';

/** Why a kommune leaves: its kommunestyre said no on the case of this submission. */
export interface KommuneLeaving {
  id: string;
  name: string;
  /** The submission whose kommune case said no. */
  submissionId?: string;
}

/**
 * A kommune leaves the project: its project_kommune row goes, unless it is the project's last kommune
 * (a project always has one; then null and nothing changes). Runs inside the caller's transaction with
 * the project locked (ProjectChanges.run); returns the 'project.kommune_left' history record, or null
 * when the kommune was not (or no longer) a member or is the last one.
 */
export async function kommuneLeavesProject(tx: EntityManager, projectId: string, kommune: KommuneLeaving): Promise<ChangeRecord | null> {
  const count = await queryOneOrFail<{ n: number; member: boolean }>(
    tx,
    `SELECT count(*)::int AS n, bool_or(kommune_id = $2) AS member FROM project_kommune WHERE project_id = $1`,
    [projectId, kommune.id],
  );
  if (!count.member || count.n <= 1) return null;
  const gone = await queryOne<{ kommune_id: string }>(
    tx,
    `DELETE FROM project_kommune WHERE project_id = $1 AND kommune_id = $2 RETURNING kommune_id`,
    [projectId, kommune.id],
  );
  if (!gone) return null;
  return kommuneLeftRecord(projectId, kommune);
}

/**
 * Which of `leaving` leave a project whose member kommuner are `memberIds`, taken in the order given: each
 * one that is a member, as long as another member stays (the rule of kommuneLeavesProject, for a caller
 * that has read the members with the project locked and removes the kommuner in one statement).
 */
export function whoLeaves(memberIds: readonly string[], leaving: readonly KommuneLeaving[]): KommuneLeaving[] {
  const members = new Set(memberIds);
  const gone: KommuneLeaving[] = [];
  for (const k of leaving) {
    if (!members.has(k.id) || members.size <= 1) continue;
    members.delete(k.id);
    gone.push(k);
  }
  return gone;
}

/** The history record of a kommune leaving the project. */
export function kommuneLeftRecord(projectId: string, kommune: KommuneLeaving): ChangeRecord {
  return {
    action: 'project.kommune_left',
    entityType: 'project',
    entityId: projectId,
    before: { kommuneId: kommune.id, kommuneName: kommune.name },
    after: { reason: 'kommunestyre_no', ...(kommune.submissionId ? { submissionId: kommune.submissionId } : {}) },
  };
}
