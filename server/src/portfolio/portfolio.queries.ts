import {
  PHASE_KEYS,
  type IsoDate,
  type PhaseKey,
  type PhaseState,
  type PortfolioSortKey,
  type ProjectStatus,
  type SortOrder,
  type StatusColour,
} from '@nvr/shared';
import type { DataSource } from 'typeorm';
import { queryRows, selectRows, type SqlRunner } from '../database/sql';

/**
 * The read model behind the portfolio and its timeline: the SQL and the row each statement answers. Read
 * through selectRows (DataSource.query), which the no-N+1 test in portfolio.e2e-spec.ts counts.
 */

/** One visible project with where it stands (portfolioPageSql). */
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

/** The facts a page is sorted on, besides the name, the region's name and the id. */
export type PortfolioSortValue = string | number | null;

/**
 * How each sort key reads in SQL: the expression over `base`, its type (for the cursor's parameter), and
 * whether the key runs the other way round (more months in the phase = an earlier start).
 */
const SORT_SQL: Record<PortfolioSortKey, { expr: string; type: 'text' | 'int' | 'date'; reversed?: boolean }> = {
  name: { expr: 'b.name COLLATE nvr_nb', type: 'text' },
  region: { expr: 'b.region_name COLLATE nvr_nb', type: 'text' },
  phase: { expr: 'b.phase_rank', type: 'int' },
  monthsInPhase: { expr: 'b.phase_started', type: 'date', reversed: true },
  overdue: { expr: 'b.overdue', type: 'int' },
  nextGateDate: { expr: 'b.gate_expected', type: 'date' },
};

/** Where the next page starts: the last row's sort value, name, region name and id. */
export interface PortfolioKey {
  value: PortfolioSortValue;
  name: string;
  regionName: string;
  id: string;
}

export interface PortfolioPageQuery {
  /** The regions the person follows, or null for all. */
  regionIds: readonly string[] | null;
  regionId: string | null;
  county: string | null;
  phase: PhaseKey | null;
  status: ProjectStatus | null;
  today: IsoDate;
  sort: PortfolioSortKey;
  order: SortOrder;
  /** Rows after this key (keyset pagination); null for the first page. */
  after: PortfolioKey | null;
  /** Null: every row (the export reads them through a cursor). */
  limit: number | null;
}

/** A page's row: the project and where it stands, the value it is sorted on, and the totals of every matching project. */
export interface PortfolioPageRecord extends PortfolioRecord {
  sort_value: PortfolioSortValue;
  total: number;
  total_overdue: number;
  total_awaiting: number;
}

/**
 * The projects a person follows, filtered, sorted and paged in PostgreSQL (keyset: the rows after the
 * last one seen, never OFFSET), with the totals of every matching project beside each row. `base` holds
 * what filters, sorts and totals read: the project, its region and its row in project_portfolio_state
 * (the current phase and the sorted due dates of its open deliverables, kept by triggers; migration
 * PortfolioProjectState), so neither the totals nor a sort looks at phases or deliverables. The totals
 * are one pass over the matching projects; the page is a second (by name: a walk of the name index that
 * stops after the page); the rest (counties, leader, latest report, the case the project waits on) is
 * looked up for the page's rows alone. Ties go by name, region name and id; rows without a sort value
 * come last either way. One statement; every row carries the totals (an empty page past the end has no
 * rows to carry them).
 */
export function portfolioPageSql(sort: PortfolioSortKey, order: SortOrder, withKey: boolean): string {
  const key = SORT_SQL[sort];
  const ascending = (order === 'asc') !== !!key.reversed;
  const direction = ascending ? 'ASC' : 'DESC';
  const beyond = ascending ? '>' : '<';
  const tie = `(b.name COLLATE nvr_nb, b.region_name COLLATE nvr_nb, b.id)`;
  // $9 is the key's value (null: the key's row had none), $10–$12 its name, region name and id.
  const keyset = withKey
    ? `AND (CASE WHEN $9::${key.type} IS NULL
                 THEN ${key.expr} IS NULL AND ${tie} > ($10::text, $11::text, $12::uuid)
                 ELSE ${key.expr} IS NULL OR ${key.expr} ${beyond} $9::${key.type}
                      OR (${key.expr} = $9::${key.type} AND ${tie} > ($10::text, $11::text, $12::uuid)) END)`
    : '';
  // For the name, the first key of the tie: a bound the name index can seek to (the CASE above cannot).
  const seek = withKey && sort === 'name' ? `AND ${key.expr} ${beyond}= $10::text` : '';
  // One row per matching project with what filters, sorts and totals read: the project, its region, and
  // its project_portfolio_state (kept by triggers). Overdue: its open deliverables due before $3 (a binary
  // search in the sorted due dates), for active projects only.
  const base = `
    SELECT p.id, p.name, p.status, p.region_id, r.name AS region_name, r.council_name,
           st.phase_id, st.phase_key, st.phase_state, st.actual_start, st.planned_end,
           array_position($8::text[], st.phase_key) * 10 + (st.phase_state = 'awaiting_decision')::int AS phase_rank,
           st.actual_start AS phase_started,
           st.planned_end AS gate_expected,
           CASE WHEN p.status = 'active' THEN coalesce(width_bucket($3::date - 1, st.open_due_dates), 0) ELSE 0 END AS overdue
      FROM project p
      LEFT JOIN region r ON r.id = p.region_id
      LEFT JOIN project_portfolio_state st ON st.project_id = p.id
     WHERE ($1::uuid[] IS NULL OR p.region_id = ANY($1::uuid[]))
       AND ($2::uuid IS NULL OR p.region_id = $2::uuid)
       AND ($4::text IS NULL OR p.status = $4::text)
       AND ($5::text IS NULL OR EXISTS (
             SELECT 1 FROM project_kommune pk JOIN kommune km ON km.id = pk.kommune_id
              WHERE pk.project_id = p.id AND km.county = $5::text))
       AND ($6::text IS NULL OR st.phase_key = $6::text)`;
  return `
  WITH totals AS (
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE b.overdue > 0)::int AS total_overdue,
           count(*) FILTER (WHERE b.phase_state = 'awaiting_decision')::int AS total_awaiting
      FROM (${base}) b
  ), page AS (
    SELECT b.*, ${key.expr} AS sort_value FROM (${base}) b
     WHERE true ${keyset} ${seek}
     ORDER BY ${key.expr} ${direction} NULLS LAST, ${tie.slice(1, -1).split(', ').join(' ASC, ')} ASC
     LIMIT $7
  )
  SELECT b.id, b.name, b.status, b.region_id, b.region_name,
         coalesce(c.counties, '{}') AS counties,
         b.phase_key, b.phase_state, b.actual_start, b.planned_end, b.overdue,
         sr.id AS report_id, sr.period AS report_period, sr.published_at AS report_published_at,
         sr.overall_colour, sr.progress_colour, sr.economy_colour, sr.risk_colour,
         l.id AS leader_id, l.name AS leader_name, l.email AS leader_email,
         b.council_name, w.submitted_on AS case_submitted_on, w.body_name AS case_body_name, w.decides AS case_body_decides,
         w.body_since AS case_body_since, w.kommuner_pending AS case_kommuner_pending,
         b.sort_value${key.type === 'date' ? '::text' : ''} AS sort_value,
         t.total, t.total_overdue, t.total_awaiting
    FROM page b
    CROSS JOIN totals t
    LEFT JOIN (
      SELECT pk.project_id, array_agg(DISTINCT km.county ORDER BY km.county) AS counties
        FROM project_kommune pk JOIN kommune km ON km.id = pk.kommune_id
       WHERE pk.project_id IN (SELECT id FROM page)
       GROUP BY pk.project_id
    ) c ON c.project_id = b.id
    LEFT JOIN LATERAL (
      SELECT u.id, u.name, u.email FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
       WHERE ra.project_id = b.id AND ra.role = 'project_leader' ORDER BY ra.created_at LIMIT 1
    ) l ON true
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
       WHERE b.phase_state = 'awaiting_decision' AND gs.phase_id = b.phase_id
         AND NOT EXISTS (SELECT 1 FROM gate_decision gd WHERE gd.submission_id = gs.id)
       ORDER BY gs.submitted_at DESC LIMIT 1
    ) w ON true
    LEFT JOIN LATERAL (
      SELECT s.id, s.period, s.published_at, s.overall_colour, s.progress_colour, s.economy_colour, s.risk_colour FROM status_report s
       WHERE s.project_id = b.id AND s.state = 'published' ORDER BY s.period DESC LIMIT 1
    ) sr ON true
   ORDER BY b.sort_value ${direction} NULLS LAST, b.name COLLATE nvr_nb ASC, b.region_name COLLATE nvr_nb ASC, b.id ASC`;
}

/** The parameters of portfolioPageSql, in order. */
export function portfolioPageParams(q: PortfolioPageQuery): unknown[] {
  const params: unknown[] = [q.regionIds, q.regionId, q.today, q.status, q.county, q.phase, q.limit, PHASE_KEYS];
  if (q.after) params.push(q.after.value, q.after.name, q.after.regionName, q.after.id);
  return params;
}

/** One page of the portfolio (see portfolioPageSql). */
export function findPortfolioPage(db: SqlRunner, q: PortfolioPageQuery): Promise<PortfolioPageRecord[]> {
  return queryRows<PortfolioPageRecord>(db, portfolioPageSql(q.sort, q.order, q.after !== null), portfolioPageParams(q));
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
