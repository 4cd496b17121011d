import type { RiskStatus, RiskStrategy } from '@nvr/shared';
import { queryOne, queryRows, type SqlRunner } from '../database/sql';
import { DomainError } from '../common/domain-error';

/** The read model of the risk register: the SQL and the row each statement answers. */

/** The fields a risk and its frozen copy share, as stored. */
export interface RiskRecord {
  id: string;
  number: number;
  description: string;
  cause: string;
  consequence: string;
  probability_before: number;
  consequence_before: number;
  probability_after: number | null;
  consequence_after: number | null;
  measures: string;
  strategy: RiskStrategy;
  owner_id: string | null;
  owner_name: string | null;
  proximity: string | null;
  status: RiskStatus;
}

/** A risk of the live register (RISK_SQL). */
export interface LiveRiskRecord extends RiskRecord {
  version: number;
  updated_at: Date;
}

/** One of the top risks across projects. */
export interface TopRiskRecord extends RiskRecord {
  project_id: string;
  project_name: string;
  region_id: string;
  region_name: string;
  total: number;
}

/** The status report a register view belongs to. */
export interface RiskReportRecord {
  id: string;
  period: string;
  state: 'draft' | 'published';
  region_id: string;
  frozen_at: Date | null;
}

const RISK_SQL = `SELECT r.id, r.number, r.description, r.cause, r.consequence, r.probability_before, r.consequence_before,
       r.probability_after, r.consequence_after, r.measures, r.strategy, r.owner_id, u.name AS owner_name, r.proximity, r.status,
       r.version, r.updated_at
  FROM risk r LEFT JOIN app_user u ON u.id = r.owner_id`;

/** The live register of a project, by number. */
export function findRisks(db: SqlRunner, projectId: string): Promise<LiveRiskRecord[]> {
  return queryRows<LiveRiskRecord>(db, `${RISK_SQL} WHERE r.project_id = $1 ORDER BY r.number`, [projectId]);
}

/** One risk of a project (locked for a change when asked); RISK_NOT_FOUND otherwise. */
export async function findRisk(db: SqlRunner, projectId: string, riskId: string, lock = false): Promise<LiveRiskRecord> {
  const row = await queryOne<LiveRiskRecord>(db, `${RISK_SQL} WHERE r.id = $1 AND r.project_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`, [
    riskId,
    projectId,
  ]);
  if (!row) throw new DomainError('RISK_NOT_FOUND', `The project has no risk with id ${riskId}.`);
  return row;
}

/** The copy of the register a published status report keeps, by number. */
export function findFrozenRisks(db: SqlRunner, reportId: string): Promise<RiskRecord[]> {
  return queryRows<RiskRecord>(
    db,
    `SELECT risk_id AS id, number, description, cause, consequence, probability_before, consequence_before,
            probability_after, consequence_after, measures, strategy, owner_id, owner_name, proximity, status
       FROM risk_snapshot_item WHERE report_id = $1 ORDER BY number`,
    [reportId],
  );
}

/** Who may own a risk: the people with a role in the project or its region (not admins). */
export function findRiskOwners(db: SqlRunner, projectId: string): Promise<{ id: string; name: string }[]> {
  return queryRows<{ id: string; name: string }>(
    db,
    `SELECT DISTINCT u.id, u.name FROM app_user u
       JOIN role_assignment ra ON ra.user_id = u.id
       JOIN project p ON p.id = $1 AND ra.region_id = p.region_id
      WHERE u.active AND ra.role <> 'admin' AND (ra.project_id IS NULL OR ra.project_id = p.id)`,
    [projectId],
  );
}

/** A status report of the project, with its region and when its register was frozen (if it was). */
export function findRiskReport(db: SqlRunner, projectId: string, reportId: string): Promise<RiskReportRecord | undefined> {
  return queryOne<RiskReportRecord>(
    db,
    `SELECT sr.id, sr.period, sr.state, p.region_id, s.frozen_at
       FROM status_report sr JOIN project p ON p.id = sr.project_id LEFT JOIN risk_snapshot s ON s.report_id = sr.id
      WHERE sr.id = $1 AND sr.project_id = $2`,
    [reportId, projectId],
  );
}

/** The latest published report before a period whose register was frozen. */
export function findPreviousFrozenReport(
  db: SqlRunner,
  projectId: string,
  period: string,
): Promise<{ id: string; period: string } | undefined> {
  return queryOne<{ id: string; period: string }>(
    db,
    `SELECT sr.id, sr.period FROM status_report sr JOIN risk_snapshot s ON s.report_id = sr.id
      WHERE sr.project_id = $1 AND sr.state = 'published' AND sr.period < $2 ORDER BY sr.period DESC LIMIT 1`,
    [projectId, period],
  );
}

/**
 * The open risks of the active projects in some regions (all when null), the highest score after measures
 * first (shared compareRisks, in SQL); each row carries the count of all matches.
 */
export function findTopRisks(
  db: SqlRunner,
  regionIds: readonly string[] | null,
  regionId: string | null,
  limit: number,
): Promise<TopRiskRecord[]> {
  return queryRows<TopRiskRecord>(
    db,
    `SELECT r.id, r.number, r.description, r.cause, r.consequence, r.probability_before, r.consequence_before, r.probability_after,
            r.consequence_after, r.measures, r.strategy, r.owner_id, u.name AS owner_name, r.proximity, r.status,
            p.id AS project_id, p.name AS project_name, g.id AS region_id, g.name AS region_name, count(*) OVER ()::int AS total
       FROM risk r
       JOIN project p ON p.id = r.project_id AND p.status = 'active'
       JOIN region g ON g.id = p.region_id
       LEFT JOIN app_user u ON u.id = r.owner_id
      WHERE r.status = 'open' AND ($1::uuid[] IS NULL OR p.region_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR p.region_id = $2::uuid)
      ORDER BY coalesce(r.probability_after, r.probability_before) * coalesce(r.consequence_after, r.consequence_before) DESC,
               coalesce(r.consequence_after, r.consequence_before) DESC, r.proximity ASC NULLS LAST, r.number, r.id
      LIMIT $3`,
    [regionIds, regionId, limit],
  );
}
