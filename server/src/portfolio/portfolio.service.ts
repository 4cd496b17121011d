import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnRegion,
  durationStatus,
  filterPortfolio,
  isAdmin,
  IsoDate,
  phaseSpec,
  RoleAssignment,
  sortPortfolio,
  todayInOslo,
  waitingOn,
} from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { PortfolioDto, PortfolioFilterDto, PortfolioQueryDto, PortfolioRowDto, TimelineDto } from './portfolio.dto';
import { findPortfolioRecords, findTimelinePhases, PortfolioRecord, TimelinePhaseRecord } from './portfolio.queries';

/** Roles that follow a portfolio of projects: advisers and the regionråd (their regions); admins see all. */
const PORTFOLIO_ROLES = new Set(['adviser', 'regionraad']);

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
    const phases = rows.length
      ? await findTimelinePhases(
          this.db,
          rows.map((r) => r.id),
        )
      : [];
    const byProject = new Map<string, TimelinePhaseRecord[]>();
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
    const records = await findPortfolioRecords(this.db, {
      regionIds: scope === 'all' ? null : scope,
      regionId: filter.regionId ?? null,
      today,
      status: filter.status ?? null,
    });
    return filterPortfolio(
      records.map((r) => toRow(r, today)),
      filter,
    );
  }
}

/** The regions whose projects a person follows; refuses those who follow none. */
export function portfolioScope(roles: readonly RoleAssignment[]): 'all' | string[] {
  if (isAdmin(roles)) return 'all';
  const regions = [...new Set(roles.flatMap((r) => (PORTFOLIO_ROLES.has(r.role) && r.regionId ? [r.regionId] : [])))];
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
    waitingOn: waitingOn({
      status: r.status,
      phaseState: r.phase_state,
      phaseStartedOn: r.actual_start,
      leaderName: r.leader_name,
      councilName: r.council_name,
      pendingCase: r.case_submitted_on
        ? {
            submittedOn: r.case_submitted_on,
            bodyName: r.case_body_name,
            bodyDecides: r.case_body_decides ?? false,
            bodySince: r.case_body_since,
            kommunerPending: r.case_kommuner_pending ?? 0,
          }
        : null,
    }),
  };
}
