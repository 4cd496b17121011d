import type { PlanContent, TemplateSection } from '@nvr/shared';
import { queryOne, queryRows, type SqlRunner } from '../database/sql';

/** The read model of the benefits register: the SQL and the row each statement answers. Values come back as numbers (::float8). */

export interface BenefitRow {
  id: string;
  project_id: string;
  number: number;
  title: string;
  description: string;
  benefit_area: string | null;
  owner_id: string | null;
  owner_name: string | null;
  handed_over_at: Date | null;
  version: number;
}

export interface IndicatorRow {
  id: string;
  benefit_id: string;
  name: string;
  unit: string;
  start_value: number;
  start_date: string;
  target_value: number;
  target_date: string;
  closed: boolean;
  version: number;
}

export interface MeasurementRow {
  id: string;
  indicator_id: string;
  measured_on: string;
  value: number;
  comment: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
  version: number;
}

export const BENEFIT_SQL = `SELECT b.id, b.project_id, b.number, b.title, b.description, b.benefit_area, b.owner_id, u.name AS owner_name,
       b.handed_over_at, b.version
  FROM benefit b LEFT JOIN app_user u ON u.id = b.owner_id`;

export const INDICATOR_SQL = `SELECT i.id, i.benefit_id, i.name, i.unit, i.start_value::float8 AS start_value, i.start_date, i.target_value::float8 AS target_value,
       i.target_date, i.closed, i.version
  FROM benefit_indicator i`;

export const MEASUREMENT_SQL = `SELECT m.id, m.indicator_id, m.measured_on, m.value::float8 AS value, m.comment, m.recorded_by, u.name AS recorded_by_name,
       m.recorded_at, m.version
  FROM benefit_measurement m LEFT JOIN app_user u ON u.id = m.recorded_by`;

/** The registers of some projects: their benefits, indicators and measurements, in three statements. */
export interface BenefitRecords {
  benefits: BenefitRow[];
  indicators: IndicatorRow[];
  measurements: MeasurementRow[];
}

export async function findBenefitRecords(db: SqlRunner, projectIds: readonly string[]): Promise<BenefitRecords> {
  if (!projectIds.length) return { benefits: [], indicators: [], measurements: [] };
  const benefits = await queryRows<BenefitRow>(db, `${BENEFIT_SQL} WHERE b.project_id = ANY($1::uuid[]) ORDER BY b.project_id, b.number`, [
    projectIds,
  ]);
  if (!benefits.length) return { benefits, indicators: [], measurements: [] };
  const benefitIds = benefits.map((b) => b.id);
  const indicators = await queryRows<IndicatorRow>(
    db,
    `${INDICATOR_SQL} WHERE i.benefit_id = ANY($1::uuid[]) ORDER BY i.created_at, i.id`,
    [benefitIds],
  );
  const measurements = indicators.length
    ? await queryRows<MeasurementRow>(
        db,
        `${MEASUREMENT_SQL} JOIN benefit_indicator i ON i.id = m.indicator_id
          WHERE i.benefit_id = ANY($1::uuid[]) ORDER BY m.measured_on, m.recorded_at`,
        [benefitIds],
      )
    : [];
  return { benefits, indicators, measurements };
}

/** The project a register belongs to: what the access rules and the headings need. */
export interface BenefitProjectRow {
  id: string;
  regionId: string;
  status: 'active' | 'completed' | 'stopped';
  name: string;
  regionName: string;
}

export function findBenefitProject(db: SqlRunner, projectId: string): Promise<BenefitProjectRow | undefined> {
  return queryOne<BenefitProjectRow>(
    db,
    `SELECT p.id, p.region_id AS "regionId", p.status, p.name, r.name AS "regionName"
       FROM project p JOIN region r ON r.id = p.region_id WHERE p.id = $1`,
    [projectId],
  );
}

/** The projects of a region, newest first. */
export function findRegionProjects(db: SqlRunner, regionId: string): Promise<BenefitProjectRow[]> {
  return queryRows<BenefitProjectRow>(
    db,
    `SELECT p.id, p.region_id AS "regionId", p.status, p.name, r.name AS "regionName"
       FROM project p JOIN region r ON r.id = p.region_id WHERE p.region_id = $1 ORDER BY p.created_at DESC, p.name`,
    [regionId],
  );
}

export interface PlanAreaRow {
  sections: TemplateSection[];
  content: PlanContent | null;
}

/** Each phase plan of a project with its template's sections, in phase order: where the benefit areas are written. */
export function findPlansForAreas(db: SqlRunner, projectId: string): Promise<PlanAreaRow[]> {
  return queryRows<PlanAreaRow>(
    db,
    `SELECT tv.sections, pp.content
       FROM project_phase ph
       JOIN phase_plan pp ON pp.phase_id = ph.id
       JOIN template_version tv ON tv.id = pp.template_version_id
      WHERE ph.project_id = $1 ORDER BY ph.position`,
    [projectId],
  );
}

export interface OwnerCandidateRow {
  id: string;
  name: string;
  email: string;
}

/**
 * Who may own a benefit of a project: active people with a role on the project (leader, member) or a
 * non-advising role in its region (regionråd, kommune contacts). Advisers follow and never write.
 */
export function findOwnerCandidates(
  db: SqlRunner,
  project: { id: string; regionId: string },
  userId?: string,
): Promise<OwnerCandidateRow[]> {
  return queryRows<OwnerCandidateRow>(
    db,
    `SELECT u.id, u.name, u.email FROM app_user u
      WHERE u.active AND ($3::uuid IS NULL OR u.id = $3)
        AND EXISTS (
          SELECT 1 FROM role_assignment ra WHERE ra.user_id = u.id AND (
            (ra.role IN ('project_leader', 'project_member') AND ra.project_id = $1)
            OR (ra.role IN ('regionraad', 'kommune_contact') AND ra.region_id = $2)))
      ORDER BY u.name, u.email`,
    [project.id, project.regionId, userId ?? null],
  );
}

/**
 * Benefits that may be due for the yearly reminder: of projects that are active or completed, with an owner
 * and an open indicator; by project and number, so an owner's reminder lists them in a stable order.
 */
export interface BenefitReminderRow {
  id: string;
  title: string;
  owner_id: string;
  project_id: string;
  project_name: string;
  region_id: string;
  /** Per open indicator: its start date and its latest measurement's date (null when none). */
  indicators: { startDate: string; lastMeasuredOn: string | null }[];
}

export function findBenefitsToRemind(db: SqlRunner): Promise<BenefitReminderRow[]> {
  return queryRows<BenefitReminderRow>(
    db,
    `SELECT b.id, b.title, b.owner_id, p.id AS project_id, p.name AS project_name, p.region_id,
            json_agg(json_build_object('startDate', i.start_date::text, 'lastMeasuredOn',
              (SELECT max(m.measured_on)::text FROM benefit_measurement m WHERE m.indicator_id = i.id))) AS indicators
       FROM benefit b
       JOIN project p ON p.id = b.project_id AND p.status IN ('active', 'completed')
       JOIN benefit_indicator i ON i.benefit_id = b.id AND NOT i.closed
      WHERE b.owner_id IS NOT NULL
      GROUP BY b.id, p.id
      ORDER BY p.name, p.id, b.number`,
  );
}
