import type { IsoDate, PhaseKey, PhaseState, ProjectStatus, StatusColour } from '@nvr/shared';
import type { DataSource } from 'typeorm';
import { selectRows } from '../database/sql';

/**
 * The read model behind the portfolio and its timeline: the SQL and the row each statement answers. Read
 * through selectRows (DataSource.query), which the no-N+1 test in portfolio.e2e-spec.ts counts.
 */

/** One visible project with where it stands (PORTFOLIO_SQL). */
export interface PortfolioRecord {
  id: string;
  name: string;
  status: ProjectStatus;
  region_id: string;
  region_name: string;
  counties: string[];
  phase_key: PhaseKey | null;
  phase_state: PhaseState | null;
  actual_start: string | null;
  planned_end: string | null;
  overdue: number;
  report_id: string | null;
  report_period: string | null;
  report_published_at: Date | null;
  overall_colour: StatusColour | null;
  progress_colour: StatusColour | null;
  economy_colour: StatusColour | null;
  risk_colour: StatusColour | null;
  leader_id: string | null;
  leader_name: string | null;
  leader_email: string | null;
  council_name: string;
  /** The pending submission of a phase awaiting decision (null otherwise). */
  case_submitted_on: string | null;
  /** The first body of that case that has not handled it. */
  case_body_name: string | null;
  case_body_decides: boolean | null;
  /** When the body before it handled the case. */
  case_body_since: string | null;
  case_kommuner_pending: number | null;
}

/**
 * Every visible project with where it stands, in one query: current phase, time in it, latest published
 * status report, overdue deliverables, next gate, leader, and what it waits on. Counties, overdue counts
 * and leaders are aggregated once over the visible projects (hash joins); the current phase and the
 * latest report are index lookups per project; the pending case (its submission, the body holding it,
 * the kommunestyrer still to decide) is looked up only for phases awaiting decision. About 10 ms for
 * 400 projects (see bench/portfolio.mjs).
 */
const PORTFOLIO_SQL = `
  WITH p AS (
    SELECT id, name, status, region_id FROM project
     WHERE ($1::uuid[] IS NULL OR region_id = ANY($1::uuid[]))
       AND ($2::uuid IS NULL OR region_id = $2::uuid)
       AND ($4::text IS NULL OR status = $4::text)
  ), counties AS (
    SELECT pk.project_id, array_agg(DISTINCT km.county ORDER BY km.county) AS counties
      FROM p JOIN project_kommune pk ON pk.project_id = p.id JOIN kommune km ON km.id = pk.kommune_id
     GROUP BY pk.project_id
  ), overdue AS (
    SELECT ph.project_id, count(*)::int AS n
      FROM p JOIN project_phase ph ON ph.project_id = p.id JOIN deliverable d ON d.phase_id = ph.id
     WHERE p.status = 'active' AND d.state IN ('draft', 'submitted', 'returned') AND d.due_date IS NOT NULL AND d.due_date < $3::date
     GROUP BY ph.project_id
  ), leaders AS (
    SELECT DISTINCT ON (ra.project_id) ra.project_id, u.id, u.name, u.email
      FROM p JOIN role_assignment ra ON ra.project_id = p.id AND ra.role = 'project_leader' JOIN app_user u ON u.id = ra.user_id
     ORDER BY ra.project_id, ra.created_at
  )
  SELECT p.id, p.name, p.status, p.region_id, r.name AS region_name,
         coalesce(c.counties, '{}') AS counties,
         cur.phase_key, cur.state AS phase_state, cur.actual_start, cur.planned_end,
         coalesce(o.n, 0) AS overdue,
         sr.id AS report_id, sr.period AS report_period, sr.published_at AS report_published_at,
         sr.overall_colour, sr.progress_colour, sr.economy_colour, sr.risk_colour,
         l.id AS leader_id, l.name AS leader_name, l.email AS leader_email,
         r.council_name, w.submitted_on AS case_submitted_on, w.body_name AS case_body_name, w.decides AS case_body_decides,
         w.body_since AS case_body_since, w.kommuner_pending AS case_kommuner_pending
    FROM p
    JOIN region r ON r.id = p.region_id
    LEFT JOIN counties c ON c.project_id = p.id
    LEFT JOIN overdue o ON o.project_id = p.id
    LEFT JOIN leaders l ON l.project_id = p.id
    LEFT JOIN LATERAL (
      SELECT ph.id, ph.phase_key, ph.state, ph.actual_start, ph.planned_end FROM project_phase ph
       WHERE ph.project_id = p.id AND ph.state IN ('in_progress', 'awaiting_decision') ORDER BY ph.position LIMIT 1
    ) cur ON true
    LEFT JOIN LATERAL (
      SELECT (gs.submitted_at AT TIME ZONE 'Europe/Oslo')::date::text AS submitted_on, st.body_name, st.decides,
             (SELECT (max(prev.handled_at) AT TIME ZONE 'Europe/Oslo')::date::text FROM gate_case_step prev
               WHERE prev.submission_id = gs.id AND prev.position < st.position) AS body_since,
             (SELECT count(*)::int FROM kommune_case kc WHERE kc.submission_id = gs.id AND kc.outcome = 'pending') AS kommuner_pending
        FROM gate_submission gs
        LEFT JOIN LATERAL (
          SELECT cs.position, cs.body_name, cs.decides FROM gate_case_step cs
           WHERE cs.submission_id = gs.id AND cs.handled_at IS NULL ORDER BY cs.position LIMIT 1
        ) st ON true
       WHERE cur.state = 'awaiting_decision' AND gs.phase_id = cur.id
         AND NOT EXISTS (SELECT 1 FROM gate_decision gd WHERE gd.submission_id = gs.id)
       ORDER BY gs.submitted_at DESC LIMIT 1
    ) w ON true
    LEFT JOIN LATERAL (
      SELECT s.id, s.period, s.published_at, s.overall_colour, s.progress_colour, s.economy_colour, s.risk_colour FROM status_report s
       WHERE s.project_id = p.id AND s.state = 'published' ORDER BY s.period DESC LIMIT 1
    ) sr ON true`;

export interface PortfolioQuery {
  /** The regions the person follows, or null for all. */
  regionIds: readonly string[] | null;
  regionId: string | null;
  today: IsoDate;
  status: ProjectStatus | null;
}

export function findPortfolioRecords(db: DataSource, q: PortfolioQuery): Promise<PortfolioRecord[]> {
  return selectRows<PortfolioRecord>(db, PORTFOLIO_SQL, [q.regionIds, q.regionId, q.today, q.status]);
}

/** A phase of a project on the timeline. */
export interface TimelinePhaseRecord {
  project_id: string;
  phase_key: PhaseKey;
  state: PhaseState;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
}

/** The phases of some projects, in order. */
export function findTimelinePhases(db: DataSource, projectIds: readonly string[]): Promise<TimelinePhaseRecord[]> {
  return selectRows<TimelinePhaseRecord>(
    db,
    `SELECT project_id, phase_key, state, planned_start, planned_end, actual_start, actual_end FROM project_phase WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, position`,
    [projectIds],
  );
}
