import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnRegion, durationStatus, isAdmin, IsoDate, phaseSpec, RoleAssignment, todayInOslo, waitingOn } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { execute, queryRows } from '../database/sql';
import { decodePortfolioCursor, encodePortfolioCursor } from './portfolio-cursor';
import {
  PORTFOLIO_PAGE_DEFAULT,
  PortfolioDto,
  PortfolioOrderDto,
  PortfolioQueryDto,
  PortfolioRowDto,
  PortfolioTotalsDto,
  TimelineDto,
} from './portfolio.dto';
import {
  findPortfolioPage,
  findTimelinePhases,
  portfolioPageParams,
  portfolioPageSql,
  PortfolioPageQuery,
  PortfolioPageRecord,
  PortfolioRecord,
  TimelinePhaseRecord,
} from './portfolio.queries';

/** Roles that follow a portfolio of projects: advisers and the regionråd (their regions); admins see all. */
const PORTFOLIO_ROLES = new Set(['adviser', 'regionraad']);
/** Rows the export reads from PostgreSQL at a time. */
const EXPORT_BATCH = 500;

interface Page {
  records: PortfolioPageRecord[];
  totals: PortfolioTotalsDto;
  nextCursor: string | null;
}

@Injectable()
export class PortfolioService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One page of the projects a person follows, filtered and sorted in PostgreSQL, with the totals of every match. */
  async portfolio(roles: readonly RoleAssignment[], query: PortfolioQueryDto, today: IsoDate = todayInOslo()): Promise<PortfolioDto> {
    const page = await this.page(roles, query, today);
    return { asOf: today, rows: page.records.map((r) => toRow(r, today)), totals: page.totals, nextCursor: page.nextCursor };
  }

  /** The same page's projects with every phase's planned and actual dates, for a timeline chart; two statements. */
  async timeline(roles: readonly RoleAssignment[], query: PortfolioQueryDto, today: IsoDate = todayInOslo()): Promise<TimelineDto> {
    const { records, nextCursor } = await this.page(roles, query, today);
    const phases = records.length
      ? await findTimelinePhases(
          this.db,
          records.map((r) => r.id),
        )
      : [];
    const byProject = new Map<string, TimelinePhaseRecord[]>();
    for (const ph of phases) {
      const list = byProject.get(ph.project_id);
      if (list) list.push(ph);
      else byProject.set(ph.project_id, [ph]);
    }
    return {
      asOf: today,
      nextCursor,
      projects: records.map((r) => ({
        id: r.id,
        name: r.name,
        regionId: r.region_id,
        regionName: r.region_name,
        status: r.status,
        currentPhaseKey: r.phase_key,
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

  /**
   * Every matching project in the asked order, read through a PostgreSQL cursor EXPORT_BATCH rows at a
   * time in one read-only snapshot, so an export of any size holds one batch in memory. The cursor and
   * its connection are released when the reader stops, also half-way (a download cancelled).
   */
  exportRows(roles: readonly RoleAssignment[], query: PortfolioOrderDto, today: IsoDate = todayInOslo()): AsyncGenerator<PortfolioRowDto> {
    // Scope and filters are checked now, before the response starts, so a refusal is still a clean 4xx.
    return this.streamRows(this.pageQuery(roles, query, today, null), today);
  }

  private async *streamRows(q: PortfolioPageQuery, today: IsoDate): AsyncGenerator<PortfolioRowDto> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    let committed = false;
    try {
      await execute(runner, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await execute(
        runner,
        `DECLARE portfolio_export NO SCROLL CURSOR FOR ${portfolioPageSql(q.sort, q.order, false)}`,
        portfolioPageParams(q),
      );
      for (;;) {
        const batch = await queryRows<PortfolioPageRecord>(runner, `FETCH ${EXPORT_BATCH} FROM portfolio_export`);
        for (const r of batch) yield toRow(r, today);
        if (batch.length < EXPORT_BATCH) break;
      }
      await execute(runner, 'COMMIT');
      committed = true;
    } finally {
      // A reader that stopped half-way (or a failure) leaves the transaction open: end it before the connection goes back.
      if (!committed) await execute(runner, 'ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  private async page(roles: readonly RoleAssignment[], query: PortfolioQueryDto, today: IsoDate): Promise<Page> {
    const limit = query.limit ?? PORTFOLIO_PAGE_DEFAULT;
    const q = this.pageQuery(roles, query, today, limit + 1);
    if (query.after) q.after = decodePortfolioCursor(query.after, q.sort, q.order);
    const found = await findPortfolioPage(this.db, q);
    const records = found.slice(0, limit);
    // A page past the end (the last rows were deleted meanwhile) has no row to carry the totals.
    const first = records[0] ?? (q.after ? (await findPortfolioPage(this.db, { ...q, after: null, limit: 1 }))[0] : undefined);
    const last = records[records.length - 1];
    return {
      records,
      totals: {
        projects: first?.total ?? 0,
        withOverdueDeliverables: first?.total_overdue ?? 0,
        awaitingDecision: first?.total_awaiting ?? 0,
      },
      nextCursor:
        found.length > limit && last
          ? encodePortfolioCursor(q.sort, q.order, { value: last.sort_value, name: last.name, regionName: last.region_name, id: last.id })
          : null,
    };
  }

  private pageQuery(roles: readonly RoleAssignment[], query: PortfolioOrderDto, today: IsoDate, limit: number | null): PortfolioPageQuery {
    const scope = portfolioScope(roles);
    if (query.regionId && scope !== 'all' && !scope.includes(query.regionId)) {
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${query.regionId} in your portfolio.`);
    }
    return {
      regionIds: scope === 'all' ? null : scope,
      regionId: query.regionId ?? null,
      county: query.county ?? null,
      phase: query.phase ?? null,
      status: query.status ?? null,
      today,
      sort: query.sort ?? 'name',
      order: query.order ?? 'asc',
      after: null,
      limit,
    };
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
