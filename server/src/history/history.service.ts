import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { PROJECT_HISTORY_ACTIONS, type ProjectHistoryAction } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { execute, queryRows } from '../database/sql';

export class HistoryEventDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  actorId: string | null;

  @ApiProperty({ example: 'Pia Prosjektleder' })
  actorName: string;

  @ApiProperty({ enum: PROJECT_HISTORY_ACTIONS, example: 'deliverable.submitted', description: 'What happened: <entity>.<verb>' })
  action: ProjectHistoryAction;

  @ApiProperty({ example: 'deliverable' })
  entityType: string;

  @ApiProperty({ nullable: true, type: String })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: Object, description: 'The changed fields before' })
  before: Record<string, unknown> | null;

  @ApiProperty({ nullable: true, type: Object, description: 'The changed fields after' })
  after: Record<string, unknown> | null;
}

export interface HistoryEntry {
  projectId: string;
  action: ProjectHistoryAction;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The append-only history of a project: who changed what, when, before and after. */
@Injectable()
export class HistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Call inside the change's own transaction, so history and change commit together. */
  async record(tx: EntityManager, actor: Pick<Principal, 'userId' | 'name'>, entry: HistoryEntry): Promise<void> {
    const { before, after } = onlyChanged(entry.before ?? null, entry.after ?? null);
    await execute(
      tx,
      `INSERT INTO history_event (project_id, actor_id, actor_name, action, entity_type, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.projectId,
        actor.userId,
        actor.name,
        entry.action,
        entry.entityType,
        entry.entityId ?? null,
        before && JSON.stringify(before),
        after && JSON.stringify(after),
      ],
    );
  }

  async list(projectId: string, limit = 500): Promise<HistoryEventDto[]> {
    const rows = await queryRows<HistoryEventRow>(
      this.db,
      `SELECT id::int, at, actor_id, actor_name, action, entity_type, entity_id, before, after
         FROM history_event WHERE project_id = $1 ORDER BY id DESC LIMIT $2`,
      [projectId, limit],
    );
    return rows.map(toHistoryEventDto);
  }
}

interface HistoryEventRow {
  id: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: ProjectHistoryAction;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

function toHistoryEventDto(r: HistoryEventRow): HistoryEventDto {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}

/** Keeps only the fields that differ, so the history shows what changed rather than whole rows. */
export function onlyChanged(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!before || !after) return { before, after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
  return { before: pick(before), after: pick(after) };
}
