import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProjectStatus } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, versionConflict } from '../common/domain-error';
import { execute, queryOne } from '../database/sql';
import { HistoryEntry, HistoryService, onlyChanged } from '../history/history.service';
import { loadProject, ProjectAggregate } from './project-queries';

/** The project row a change holds locked, and the whole project when the change needs it. */
export interface LockedProject {
  id: string;
  regionId: string;
  status: ProjectStatus;
  version: number;
  /** The whole project (phases, deliverables, team, budget totals), read once inside the transaction. */
  aggregate(): Promise<ProjectAggregate>;
}

/** What a change did, for the project's history; several records when one change did several things. */
export type ChangeRecord = Omit<HistoryEntry, 'projectId'>;

export interface ChangeOutcome<T> {
  history: ChangeRecord | ChangeRecord[];
  /** What the caller gets back, e.g. the id of a created row. */
  result?: T;
}

export interface ChangeOptions {
  /** Refuse unless the project is active (its phases, gates and reports are open). */
  activeOnly?: string;
}

/**
 * The one way to change a project or anything in it. In one transaction: lock the project row, so
 * that changes to one project never interleave; let `work` check what it must (versions, states) and
 * apply the change; record what it returns in the project's history. Either all of it commits or
 * nothing does.
 */
@Injectable()
export class ProjectChanges {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
  ) {}

  async run<T = void>(
    projectId: string,
    actor: Principal,
    work: (tx: EntityManager, project: LockedProject) => Promise<ChangeOutcome<T>>,
    options: ChangeOptions = {},
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const project = await lockProject(tx, projectId);
      if (options.activeOnly && project.status !== 'active') {
        throw new DomainError('INVALID_STATE', `The project is ${project.status}; ${options.activeOnly}.`);
      }
      const outcome = await work(tx, project);
      const records = Array.isArray(outcome.history) ? outcome.history : [outcome.history];
      for (const record of records) await this.history.record(tx, actor, { ...record, projectId: project.id });
      return outcome.result as T;
    });
  }

  /**
   * The same unit of work as `run` (lock, check, apply, history; one transaction), with the history written
   * in one statement however many records the change returns (`run` writes one per record): for changes
   * that do several things at once, such as a gate decision.
   */
  async runBatched<T = void>(
    projectId: string,
    actor: Principal,
    work: (tx: EntityManager, project: LockedProject) => Promise<ChangeOutcome<T>>,
    options: ChangeOptions = {},
  ): Promise<T> {
    return this.db.transaction(async (tx) => {
      const project = await lockProject(tx, projectId);
      if (options.activeOnly && project.status !== 'active') {
        throw new DomainError('INVALID_STATE', `The project is ${project.status}; ${options.activeOnly}.`);
      }
      const outcome = await work(tx, project);
      await recordHistory(tx, actor, project.id, Array.isArray(outcome.history) ? outcome.history : [outcome.history]);
      return outcome.result as T;
    });
  }
}

/**
 * Records a change's history in the caller's transaction in one INSERT, in the order given (what
 * HistoryService.record does for one record: only the fields that changed are kept).
 */
export async function recordHistory(
  tx: EntityManager,
  actor: Pick<Principal, 'userId' | 'name'>,
  projectId: string,
  records: readonly ChangeRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({ ...r, ...onlyChanged(r.before ?? null, r.after ?? null) }));
  await execute(
    tx,
    `INSERT INTO history_event (project_id, actor_id, actor_name, action, entity_type, entity_id, before, after)
     SELECT $1, $2, $3, r.action, r.entity_type, r.entity_id, r.before, r.after
       FROM unnest($4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[]) WITH ORDINALITY AS r(action, entity_type, entity_id, before, after, ord)
      ORDER BY r.ord`,
    [
      projectId,
      actor.userId,
      actor.name,
      rows.map((r) => r.action),
      rows.map((r) => r.entityType),
      rows.map((r) => r.entityId ?? null),
      rows.map((r) => r.before && JSON.stringify(r.before)),
      rows.map((r) => r.after && JSON.stringify(r.after)),
    ],
  );
}

/** Answers 409 VERSION_CONFLICT when the client's version is not the stored one. */
export function expectVersion(what: string, expected: number, actual: number): void {
  if (expected !== actual) throw versionConflict(what, expected, actual);
}

async function lockProject(tx: EntityManager, projectId: string): Promise<LockedProject> {
  const row = await queryOne<{ id: string; region_id: string; status: ProjectStatus; version: number }>(
    tx,
    `SELECT id, region_id, status, version FROM project WHERE id = $1 FOR UPDATE`,
    [projectId],
  );
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  let aggregate: Promise<ProjectAggregate> | undefined;
  return {
    id: row.id,
    regionId: row.region_id,
    status: row.status,
    version: row.version,
    aggregate: () => (aggregate ??= loadProject(tx, row.id)),
  };
}
