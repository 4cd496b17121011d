import type { ProjectHistoryAction } from '@nvr/shared';
import { DomainError } from '../common/domain-error';
import { queryOne, type SqlRunner } from '../database/sql';
import type { HistoryEventDto } from '../history/history.service';
import {
  jsonRows,
  KommuneRecord,
  PROJECT_PARTS_COLUMNS,
  PROJECT_PARTS_SQL,
  ProjectAggregate,
  ProjectParts,
  toProjectAggregate,
} from './project-queries';

/** The history events the page shows, newest first (as many as GET /api/projects/:id/history answers). */
const PAGE_HISTORY_LIMIT = 500;

/** A history event as JSON inside PROJECT_PAGE_SQL; `at` is a timestamptz written as text. */
interface HistoryEventRecord {
  id: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: ProjectHistoryAction;
  entity_type: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * The one row of PROJECT_PAGE_SQL: every part of the project as loadProject reads it (the same
 * statements, each a JSON column here), the history, and the region's current member kommuner.
 */
interface ProjectPageRecord extends ProjectParts {
  history: HistoryEventRecord[];
  region_kommuner: KommuneRecord[];
}

/**
 * Everything the project page shows, in one statement: $1 the project, $2 how many history events,
 * $3 today (which region memberships are current). No row when there is no such project.
 */
const PROJECT_PAGE_SQL = `SELECT ${PROJECT_PARTS_COLUMNS},
       ${jsonRows(`SELECT id::int, at, actor_id, actor_name, action, entity_type, entity_id, before, after
                     FROM history_event WHERE project_id = $1 ORDER BY id DESC LIMIT $2::int`)} AS history,
       ${jsonRows(`SELECT k.id, trim(k.number) AS number, k.name
                     FROM region_membership m JOIN kommune k ON k.id = m.kommune_id
                    WHERE m.region_id = p.region_id AND m.valid_from <= $3::date AND (m.valid_to IS NULL OR m.valid_to >= $3::date)
                    ORDER BY k.name`)} AS region_kommuner
  FROM (${PROJECT_PARTS_SQL.project}) p`;

/** What the project page shows, read in one statement. */
export interface ProjectPageData {
  project: ProjectAggregate;
  /** Newest first, at most PAGE_HISTORY_LIMIT. */
  history: HistoryEventDto[];
  /** The region's current member kommuner (a membership in force on `today`), by name. */
  regionKommuner: { id: string; number: string; name: string }[];
}

/** Reads the project page in one statement; PROJECT_NOT_FOUND when there is no such project. */
export async function loadProjectPage(db: SqlRunner, projectId: string, today: string): Promise<ProjectPageData> {
  const row = await queryOne<ProjectPageRecord>(db, PROJECT_PAGE_SQL, [projectId, PAGE_HISTORY_LIMIT, today]);
  if (!row) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  const { history, region_kommuner: regionKommuner, ...parts } = row;
  return {
    project: toProjectAggregate(parts),
    history: history.map(toHistoryEvent),
    regionKommuner: regionKommuner.map((k) => ({ id: k.id, number: k.number, name: k.name })),
  };
}

function toHistoryEvent(r: HistoryEventRecord): HistoryEventDto {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  };
}
