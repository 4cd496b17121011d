import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnRegion,
  durationStatus,
  filterPortfolio,
  isAdmin,
  IsoDate,
  PhaseKey,
  phaseSpec,
  PhaseState,
  ProjectStatus,
  RoleAssignment,
  sortPortfolio,
  StatusColour,
  todayInOslo,
} from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { PortfolioDto, PortfolioFilterDto, PortfolioQueryDto, PortfolioRowDto, TimelineDto } from './portfolio.dto';

/** Roles that follow a portfolio of projects: advisers and the regionråd (their regions); admins see all. */
const PORTFOLIO_ROLES = new Set(['adviser', 'regionraad']);

interface PortfolioRecord {
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
}

/**
 * Every visible project with where it stands, in one query: current phase, time in it, latest published
 * status report, overdue deliverables, next gate and leader. Counties, overdue counts and leaders are
 * aggregated once over the visible projects (hash joins); the current phase and the latest report are
 * index lookups per project. About 10 ms for 400 projects (see bench/portfolio.mjs).
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
         l.id AS leader_id, l.name AS leader_name, l.email AS leader_email
    FROM p
    JOIN region r ON r.id = p.region_id
    LEFT JOIN counties c ON c.project_id = p.id
    LEFT JOIN overdue o ON o.project_id = p.id
    LEFT JOIN leaders l ON l.project_id = p.id
    LEFT JOIN LATERAL (
      SELECT ph.phase_key, ph.state, ph.actual_start, ph.planned_end FROM project_phase ph
       WHERE ph.project_id = p.id AND ph.state IN ('in_progress', 'awaiting_decision') ORDER BY ph.position LIMIT 1
    ) cur ON true
    LEFT JOIN LATERAL (
      SELECT s.id, s.period, s.published_at, s.overall_colour, s.progress_colour, s.economy_colour, s.risk_colour FROM status_report s
       WHERE s.project_id = p.id AND s.state = 'published' ORDER BY s.period DESC LIMIT 1
    ) sr ON true`;

@Injectable()
export class PortfolioService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async portfolio(roles: readonly RoleAssignment[], query: PortfolioQueryDto, today: IsoDate = todayInOslo()): Promise<PortfolioDto> {
    const rows = await this.rows(roles, query, today);
    return { asOf: today, rows: sortPortfolio(rows, query.sort, query.order) };
  }

  /** Each visible project's phases with planned and actual dates, for a timeline chart; two queries. */
  async timeline(roles: readonly RoleAssignment[], query: PortfolioQueryDto, today: IsoDate = todayInOslo()): Promise<TimelineDto> {
    const rows = sortPortfolio(await this.rows(roles, query, today), query.sort, query.order);
    const phases: {
      project_id: string;
      phase_key: PhaseKey;
      state: PhaseState;
      planned_start: string | null;
      planned_end: string | null;
      actual_start: string | null;
      actual_end: string | null;
    }[] = rows.length
      ? await this.db.query(
          `SELECT project_id, phase_key, state, planned_start, planned_end, actual_start, actual_end FROM project_phase WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, position`,
          [rows.map((r) => r.id)],
        )
      : [];
    const byProject = new Map<string, typeof phases>();
    for (const ph of phases) byProject.set(ph.project_id, [...(byProject.get(ph.project_id) ?? []), ph]);
    return {
      asOf: today,
      projects: rows.map((r) => ({
        id: r.id,
        name: r.name,
        regionId: r.regionId,
        regionName: r.regionName,
        status: r.status,
        currentPhaseKey: r.currentPhaseKey,
        phases: (byProject.get(r.id) ?? []).map((ph) => ({
          key: ph.phase_key,
          state: ph.state,
          plannedStart: ph.planned_start,
          plannedEnd: ph.planned_end,
          actualStart: ph.actual_start,
          actualEnd: ph.actual_end,
        })),
      })),
    };
  }

  private async rows(roles: readonly RoleAssignment[], filter: PortfolioFilterDto, today: IsoDate): Promise<PortfolioRowDto[]> {
    const scope = portfolioScope(roles);
    if (filter.regionId && scope !== 'all' && !scope.includes(filter.regionId)) {
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${filter.regionId} in your portfolio.`);
    }
    const records: PortfolioRecord[] = await this.db.query(PORTFOLIO_SQL, [
      scope === 'all' ? null : scope,
      filter.regionId ?? null,
      today,
      filter.status ?? null,
    ]);
    return filterPortfolio(
      records.map((r) => toRow(r, today)),
      filter,
    );
  }
}

/** The regions whose projects a person follows; refuses those who follow none. */
export function portfolioScope(roles: readonly RoleAssignment[]): 'all' | string[] {
  if (isAdmin(roles)) return 'all';
  const regions = [...new Set(roles.filter((r) => PORTFOLIO_ROLES.has(r.role) && r.regionId).map((r) => r.regionId as string))];
  if (!regions.length)
    throw new DomainError('FORBIDDEN', 'The portfolio is for Innovasjon Norge’s advisers, the regionråd and administrators.');
  return regions.filter((id) => canOnRegion(roles, id, 'read'));
}

function toRow(r: PortfolioRecord, today: IsoDate): PortfolioRowDto {
  const spec = r.phase_key ? phaseSpec(r.phase_key) : null;
  const duration = spec
    ? durationStatus(spec, r.actual_start, r.actual_start ? today : null)
    : { months: null, status: 'unknown' as const };
  return {
    id: r.id,
    name: r.name,
    regionId: r.region_id,
    regionName: r.region_name,
    counties: r.counties,
    status: r.status,
    currentPhaseKey: r.phase_key,
    currentPhaseState: r.phase_state,
    phaseStartedOn: r.actual_start,
    monthsInPhase: duration.months,
    recommendedMonths: spec?.recommendedMonths ?? null,
    durationStatus: duration.status,
    latestReport:
      r.report_id && r.report_period && r.report_published_at
        ? {
            id: r.report_id,
            period: r.report_period,
            publishedAt: r.report_published_at.toISOString(),
            colours: { overall: r.overall_colour, progress: r.progress_colour, economy: r.economy_colour, risk: r.risk_colour },
          }
        : null,
    overdueDeliverables: r.overdue,
    nextGate: r.phase_key ? { phaseKey: r.phase_key, expectedDate: r.planned_end } : null,
    leader: r.leader_id && r.leader_name && r.leader_email ? { id: r.leader_id, name: r.leader_name, email: r.leader_email } : null,
  };
}
