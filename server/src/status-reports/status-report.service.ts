import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  defaultReportPeriod,
  describeReportProblem,
  periodEnd,
  periodOf,
  ReportAspect,
  ReportProblem,
  reportProblems,
  ReportState,
  RoleAssignment,
  StatusColour,
  todayInOslo,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryRows } from '../database/sql';
import { ChangeRecord, expectVersion, ProjectChanges } from '../projects/project-changes';
import { RiskReportService } from '../risks/risk-report.service';
import {
  CreateStatusReportDto,
  PublishStatusReportDto,
  StatusReportDto,
  StatusReportSummaryDto,
  UpdateStatusReportDto,
} from './status-report.dto';

interface ReportRow {
  id: string;
  project_id: string;
  region_id: string;
  project_status: string;
  period: string;
  state: ReportState;
  overall_colour: StatusColour | null;
  overall_comment: string;
  progress_colour: StatusColour | null;
  progress_comment: string;
  economy_colour: StatusColour | null;
  economy_comment: string;
  risk_colour: StatusColour | null;
  risk_comment: string;
  budget_total: string | null;
  spent_to_date: string | null;
  forecast: string | null;
  next_steps: string;
  copied_from_id: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_by_email: string | null;
  created_at: Date;
  updated_at: Date;
  published_by: string | null;
  published_by_name: string | null;
  published_by_email: string | null;
  published_at: Date | null;
  version: number;
}

/** A report in the project's list (the list's SELECT). */
type ReportSummaryRow = Pick<
  ReportRow,
  | 'id'
  | 'project_id'
  | 'period'
  | 'state'
  | 'overall_colour'
  | 'progress_colour'
  | 'economy_colour'
  | 'risk_colour'
  | 'published_at'
  | 'updated_at'
>;

/** What a new draft copies from the latest published report before its period. */
type CopySourceRow = Pick<
  ReportRow,
  'id' | 'overall_colour' | 'progress_colour' | 'economy_colour' | 'risk_colour' | 'budget_total' | 'spent_to_date' | 'forecast'
>;

/** The stored fields of a report, flat: what a change writes and what the history shows. */
interface ReportFields {
  period: string;
  overallColour: StatusColour | null;
  overallComment: string;
  progressColour: StatusColour | null;
  progressComment: string;
  economyColour: StatusColour | null;
  economyComment: string;
  riskColour: StatusColour | null;
  riskComment: string;
  budgetTotal: number | null;
  spentToDate: number | null;
  forecast: number | null;
  nextSteps: string;
}

const SELECT_REPORT = `
  SELECT sr.*, p.region_id, p.status AS project_status,
         cu.name AS created_by_name, cu.email AS created_by_email, pu.name AS published_by_name, pu.email AS published_by_email
    FROM status_report sr
    JOIN project p ON p.id = sr.project_id
    LEFT JOIN app_user cu ON cu.id = sr.created_by
    LEFT JOIN app_user pu ON pu.id = sr.published_by`;

/**
 * Status reports: the project leader writes a draft for a month, starting from the previous report's
 * colours and figures, and publishes it; a published report is frozen. Drafts are seen only by those
 * who work on the project; everyone who may read the project sees published reports.
 */
@Injectable()
export class StatusReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
    private readonly risks: RiskReportService,
  ) {}

  async list(projectId: string, roles: readonly RoleAssignment[]): Promise<StatusReportSummaryDto[]> {
    const project = await queryOne<{ id: string; regionId: string }>(
      this.db,
      `SELECT id, region_id AS "regionId" FROM project WHERE id = $1`,
      [projectId],
    );
    if (!project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    const drafts = seesDrafts(roles, project);
    const rows = await queryRows<ReportSummaryRow>(
      this.db,
      `SELECT id, project_id, period, state, overall_colour, progress_colour, economy_colour, risk_colour, published_at, updated_at
         FROM status_report WHERE project_id = $1 AND ($2 OR state = 'published') ORDER BY period DESC`,
      [projectId, drafts],
    );
    return rows.map((r) => ({
      id: r.id,
      projectId: r.project_id,
      period: r.period,
      state: r.state,
      colours: { overall: r.overall_colour, progress: r.progress_colour, economy: r.economy_colour, risk: r.risk_colour },
      publishedAt: r.published_at?.toISOString() ?? null,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  async get(
    projectId: string,
    reportId: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
  ): Promise<StatusReportDto> {
    const row = await this.find(em, projectId, reportId, roles);
    return toDto(row, roles);
  }

  /** A new draft for a month, copying the colours and figures of the latest published report before it. */
  async create(projectId: string, dto: CreateStatusReportDto, actor: Principal): Promise<StatusReportDto> {
    const id = await this.changes.run(
      projectId,
      actor,
      async (tx) => {
        const started = await projectStart(tx, projectId);
        const today = todayInOslo();
        const max = await queryOne<{ latest: string | null }>(tx, `SELECT max(period) AS latest FROM status_report WHERE project_id = $1`, [
          projectId,
        ]);
        const latest = max?.latest ?? null;
        const period = dto.period ?? defaultReportPeriod(latest, today, started);
        if (!period)
          throw new DomainError(
            'INVALID_PERIOD',
            `The project has a report for every month up to now (the latest is ${latest}); next month's report can be written when the month has begun.`,
          );
        await assertPeriod(tx, projectId, period, started, today);
        const source = await queryOne<CopySourceRow>(
          tx,
          `SELECT id, overall_colour, progress_colour, economy_colour, risk_colour, budget_total, spent_to_date, forecast
           FROM status_report WHERE project_id = $1 AND state = 'published' AND period < $2 ORDER BY period DESC LIMIT 1`,
          [projectId, period],
        );
        const created = await queryOne<{ id: string }>(
          tx,
          `INSERT INTO status_report (project_id, period, overall_colour, progress_colour, economy_colour, risk_colour, budget_total, spent_to_date, forecast, copied_from_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            projectId,
            period,
            source?.overall_colour ?? null,
            source?.progress_colour ?? null,
            source?.economy_colour ?? null,
            source?.risk_colour ?? null,
            source?.budget_total ?? null,
            source?.spent_to_date ?? null,
            source?.forecast ?? null,
            source?.id ?? null,
            actor.userId,
          ],
        );
        if (!created) throw new Error('INSERT … RETURNING answered no row');
        const history: ChangeRecord = {
          action: 'status_report.created',
          entityType: 'status_report',
          entityId: created.id,
          after: { period, copiedFromId: source?.id ?? null },
        };
        return { history, result: created.id };
      },
      { activeOnly: 'it takes no new status reports' },
    );
    return this.get(projectId, id, actor.roles);
  }

  async update(projectId: string, reportId: string, dto: UpdateStatusReportDto, actor: Principal): Promise<StatusReportDto> {
    await this.changes.run(projectId, actor, async (tx) => {
      const row = await this.find(tx, projectId, reportId, actor.roles, true);
      assertDraft(row);
      expectVersion('status report', dto.version, row.version);
      const before = fieldsOf(row);
      // Absent fields keep their value; a colour or figure sent as null is cleared; a null comment counts as absent.
      const aspect = (a: ReportAspect, input: { colour?: StatusColour | null; comment?: string | null } | null | undefined) => ({
        [`${a}Colour`]: input?.colour === undefined ? before[`${a}Colour`] : input.colour,
        [`${a}Comment`]: input?.comment == null ? before[`${a}Comment`] : input.comment.trim(),
      });
      const after: ReportFields = {
        ...before,
        period: dto.period ?? before.period,
        ...aspect('overall', dto.overall),
        ...aspect('progress', dto.progress),
        ...aspect('economy', dto.economy),
        ...aspect('risk', dto.risk),
        budgetTotal: dto.economy?.budgetTotal === undefined ? before.budgetTotal : dto.economy.budgetTotal,
        spentToDate: dto.economy?.spentToDate === undefined ? before.spentToDate : dto.economy.spentToDate,
        forecast: dto.economy?.forecast === undefined ? before.forecast : dto.economy.forecast,
        nextSteps: dto.nextSteps == null ? before.nextSteps : dto.nextSteps.trim(),
      };
      if (after.period !== before.period) await assertPeriod(tx, projectId, after.period, await projectStart(tx, projectId), todayInOslo());
      await execute(
        tx,
        `UPDATE status_report SET period = $2, overall_colour = $3, overall_comment = $4, progress_colour = $5, progress_comment = $6,
                economy_colour = $7, economy_comment = $8, risk_colour = $9, risk_comment = $10, budget_total = $11, spent_to_date = $12,
                forecast = $13, next_steps = $14, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          reportId,
          after.period,
          after.overallColour,
          after.overallComment,
          after.progressColour,
          after.progressComment,
          after.economyColour,
          after.economyComment,
          after.riskColour,
          after.riskComment,
          after.budgetTotal,
          after.spentToDate,
          after.forecast,
          after.nextSteps,
        ],
      );
      return {
        history: {
          action: 'status_report.updated',
          entityType: 'status_report',
          entityId: reportId,
          before: { ...before },
          after: { ...after },
        },
      };
    });
    return this.get(projectId, reportId, actor.roles);
  }

  /** Publishes a complete draft; from now on it is frozen, with the risk register as it is now. */
  async publish(projectId: string, reportId: string, dto: PublishStatusReportDto, actor: Principal): Promise<StatusReportDto> {
    await this.changes.run(projectId, actor, async (tx) => {
      const row = await this.find(tx, projectId, reportId, actor.roles, true);
      assertDraft(row);
      expectVersion('status report', dto.version, row.version);
      assertPublishable(row, problemsOf(row));
      await execute(
        tx,
        `UPDATE status_report SET state = 'published', published_at = now(), published_by = $2, version = version + 1, updated_at = now() WHERE id = $1`,
        [reportId, actor.userId],
      );
      await this.risks.freeze(tx, projectId, reportId);
      return {
        history: {
          action: 'status_report.published',
          entityType: 'status_report',
          entityId: reportId,
          before: { state: 'draft' },
          after: { state: 'published', period: row.period },
        },
      };
    });
    return this.get(projectId, reportId, actor.roles);
  }

  /** Deletes a draft (a published report stays). */
  async remove(projectId: string, reportId: string, actor: Principal): Promise<void> {
    await this.changes.run(projectId, actor, async (tx) => {
      const row = await this.find(tx, projectId, reportId, actor.roles, true);
      assertDraft(row);
      await execute(tx, `DELETE FROM status_report WHERE id = $1`, [reportId]);
      return {
        history: {
          action: 'status_report.deleted',
          entityType: 'status_report',
          entityId: reportId,
          before: { period: row.period, state: row.state },
        },
      };
    });
  }

  /** A report of the project that the person may see; drafts are hidden from those who only read. */
  private async find(
    em: EntityManager,
    projectId: string,
    reportId: string,
    roles: readonly RoleAssignment[],
    lock = false,
  ): Promise<ReportRow> {
    const row = await queryOne<ReportRow>(
      em,
      `${SELECT_REPORT} WHERE sr.id = $1 AND sr.project_id = $2 ${lock ? 'FOR UPDATE OF sr' : ''}`,
      [reportId, projectId],
    );
    if (!row || (row.state === 'draft' && !seesDrafts(roles, { id: row.project_id, regionId: row.region_id }))) {
      throw new DomainError('STATUS_REPORT_NOT_FOUND', `The project has no status report with id ${reportId}.`);
    }
    return row;
  }
}

/** Those who work on the project (leader, group, admin) see drafts. */
function seesDrafts(roles: readonly RoleAssignment[], project: { id: string; regionId: string }): boolean {
  return canOnProject(roles, project, 'edit');
}

function assertDraft(row: ReportRow): void {
  if (row.state === 'published')
    throw new DomainError(
      'STATUS_REPORT_PUBLISHED',
      `The report for ${row.period} is published and cannot change. Write the next month's report instead.`,
    );
}

/** A period must have begun, must not end before the project began, and must be free. */
async function assertPeriod(tx: EntityManager, projectId: string, period: string, started: string | null, today: string): Promise<void> {
  if (period > periodOf(today))
    throw new DomainError('INVALID_PERIOD', `${period} has not begun; report on a month that has begun (${periodOf(today)} or earlier).`);
  if (started && periodEnd(period) < started)
    throw new DomainError('INVALID_PERIOD', `${period} ended before the project began (${started}).`);
  const taken = await queryOne<{ id: string }>(tx, `SELECT id FROM status_report WHERE project_id = $1 AND period = $2`, [
    projectId,
    period,
  ]);
  if (taken)
    throw new DomainError('STATUS_REPORT_PERIOD_TAKEN', `The project already has a status report for ${period}. Open that one instead.`);
}

/** The day the project's first phase began, if it has. */
async function projectStart(tx: EntityManager, projectId: string): Promise<string | null> {
  const row = await queryOne<{ started: string | null }>(
    tx,
    `SELECT min(actual_start)::text AS started FROM project_phase WHERE project_id = $1`,
    [projectId],
  );
  return row?.started ?? null;
}

const kroner = (v: string | null) => (v === null ? null : Number(v));

function fieldsOf(r: ReportRow): ReportFields {
  return {
    period: r.period,
    overallColour: r.overall_colour,
    overallComment: r.overall_comment,
    progressColour: r.progress_colour,
    progressComment: r.progress_comment,
    economyColour: r.economy_colour,
    economyComment: r.economy_comment,
    riskColour: r.risk_colour,
    riskComment: r.risk_comment,
    budgetTotal: kroner(r.budget_total),
    spentToDate: kroner(r.spent_to_date),
    forecast: kroner(r.forecast),
    nextSteps: r.next_steps,
  };
}

/** What stands in the way of publishing the report today (Oslo time); see reportProblems. */
function problemsOf(r: ReportRow): ReportProblem[] {
  return reportProblems(
    {
      period: r.period,
      colours: { overall: r.overall_colour, progress: r.progress_colour, economy: r.economy_colour, risk: r.risk_colour },
      comments: { overall: r.overall_comment, progress: r.progress_comment, economy: r.economy_comment, risk: r.risk_comment },
      budgetTotal: kroner(r.budget_total),
      spentToDate: kroner(r.spent_to_date),
      forecast: kroner(r.forecast),
    },
    todayInOslo(),
  );
}

/**
 * Refuses to publish while any problem stands, with the code of the first: a month not over
 * (STATUS_REPORT_PERIOD_NOT_OVER), a missing colour or a bad figure (STATUS_REPORT_INCOMPLETE), a yellow
 * or red aspect without a comment (STATUS_REPORT_COMMENT_MISSING). The message lists them all.
 */
function assertPublishable(row: ReportRow, problems: ReportProblem[]): void {
  if (problems.length === 0) return;
  const code =
    problems[0].kind === 'periodNotOver'
      ? 'STATUS_REPORT_PERIOD_NOT_OVER'
      : problems.some((p) => p.kind === 'colourMissing' || p.kind === 'figureInvalid')
        ? 'STATUS_REPORT_INCOMPLETE'
        : 'STATUS_REPORT_COMMENT_MISSING';
  const error = new DomainError(
    code,
    `The report for ${row.period} cannot be published yet: ${problems.map(describeReportProblem).join('; ')}.`,
  );
  const notOver = problems.find((p) => p.kind === 'periodNotOver');
  throw notOver ? error.withParams({ publishableFrom: notOver.publishableFrom }) : error;
}

function toDto(r: ReportRow, roles: readonly RoleAssignment[]): StatusReportDto {
  const f = fieldsOf(r);
  const person = (id: string | null, name: string | null, email: string | null) => (id && name && email ? { id, name, email } : null);
  return {
    id: r.id,
    projectId: r.project_id,
    period: r.period,
    state: r.state,
    overall: { colour: f.overallColour, comment: f.overallComment },
    progress: { colour: f.progressColour, comment: f.progressComment },
    economy: {
      colour: f.economyColour,
      comment: f.economyComment,
      budgetTotal: f.budgetTotal,
      spentToDate: f.spentToDate,
      forecast: f.forecast,
    },
    risk: { colour: f.riskColour, comment: f.riskComment },
    nextSteps: f.nextSteps,
    copiedFromId: r.copied_from_id,
    createdBy: person(r.created_by, r.created_by_name, r.created_by_email),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    publishedBy: person(r.published_by, r.published_by_name, r.published_by_email),
    publishedAt: r.published_at?.toISOString() ?? null,
    version: r.version,
    editable: r.state === 'draft' && canOnProject(roles, { id: r.project_id, regionId: r.region_id }, 'submit'),
    problems: r.state === 'draft' ? problemsOf(r).map(describeReportProblem) : [],
  };
}
