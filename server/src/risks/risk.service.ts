import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  compareNb,
  mayEditRisks,
  riskAssessmentProblems,
  riskChanges,
  riskLevel,
  riskScore,
  scoresAfter,
  scoresBefore,
  todayInOslo,
  type Lang,
  type RiskAssessmentProblem,
  type RiskFacts,
  type RiskStatus,
  type RiskStrategy,
  type RoleAssignment,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows, type SqlRunner } from '../database/sql';
import type { FileContent } from '../files/file.service';
import { portfolioScope } from '../portfolio/portfolio.service';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { riskSheetName, risksCsv, risksXlsx } from './risk-export';
import {
  CreateRiskDto,
  ReportRisksDto,
  RiskDto,
  RiskExportQueryDto,
  RiskOwnerDto,
  RiskViewDto,
  TOP_RISKS_DEFAULT,
  TopRisksDto,
  TopRisksQueryDto,
  UpdateRiskDto,
} from './risk.dto';

/** The fields a risk and its frozen copy share (RISK_COLUMNS), as stored. */
interface RiskRecord {
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
interface LiveRiskRecord extends RiskRecord {
  version: number;
  updated_at: Date;
}

/** One of the top risks across projects. */
interface TopRiskRecord extends RiskRecord {
  project_id: string;
  project_name: string;
  region_id: string;
  region_name: string;
  total: number;
}

/** The report a register view belongs to. */
interface ReportRecord {
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

const SNAPSHOT_SQL = `SELECT risk_id AS id, number, description, cause, consequence, probability_before, consequence_before,
       probability_after, consequence_after, measures, strategy, owner_id, owner_name, proximity, status
  FROM risk_snapshot_item WHERE report_id = $1 ORDER BY number`;

const ACTIVE_ONLY = { activeOnly: 'its risk register is kept as it was' };

/** The words of an assessment problem, at its field. */
const PROBLEM_WORDS: Record<RiskAssessmentProblem, string> = {
  after_needs_both: 'give both scores after measures, or neither',
  after_above_before: 'a measure cannot make the risk larger: the score after measures must not be above the score before',
  after_needs_measures: 'write the measures the scores after measures build on',
};

/**
 * A project's risk register: each risk with cause and consequence, scores before and after measures, a
 * strategy, an owner, the quarter it may occur in and a status. The project's editors and the regionråd
 * write it, everyone who may read the project reads it. Publishing a status report freezes a copy (see
 * `freeze`), and a report shows that copy and what changed since the report before.
 */
@Injectable()
export class RiskService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
  ) {}

  async list(projectId: string, em: SqlRunner = this.db): Promise<RiskDto[]> {
    const rows = await queryRows<LiveRiskRecord>(em, `${RISK_SQL} WHERE r.project_id = $1 ORDER BY r.number`, [projectId]);
    return rows.map(toDto);
  }

  async get(projectId: string, riskId: string): Promise<RiskDto> {
    return toDto(await find(this.db, projectId, riskId));
  }

  /** Who may own a risk: the people with a role in the project or its region (not admins), by name. */
  async owners(projectId: string, em: SqlRunner = this.db): Promise<RiskOwnerDto[]> {
    const rows = await queryRows<RiskOwnerDto>(
      em,
      `SELECT DISTINCT u.id, u.name FROM app_user u
         JOIN role_assignment ra ON ra.user_id = u.id
         JOIN project p ON p.id = $1 AND ra.region_id = p.region_id
        WHERE u.active AND ra.role <> 'admin' AND (ra.project_id IS NULL OR ra.project_id = p.id)`,
      [projectId],
    );
    return rows.sort((a, b) => compareNb(a.name, b.name) || a.id.localeCompare(b.id));
  }

  async create(projectId: string, dto: CreateRiskDto, actor: Principal): Promise<RiskDto> {
    const id = await this.changes.run<string>(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const values = {
          description: dto.description,
          cause: dto.cause ?? '',
          consequence: dto.consequence ?? '',
          probabilityBefore: dto.probabilityBefore,
          consequenceBefore: dto.consequenceBefore,
          probabilityAfter: dto.probabilityAfter ?? null,
          consequenceAfter: dto.consequenceAfter ?? null,
          measures: dto.measures ?? '',
          strategy: dto.strategy,
          ownerId: dto.ownerId,
          proximity: dto.proximity ?? null,
          status: dto.status ?? 'open',
        };
        assertAssessment(values);
        await this.assertOwner(tx, projectId, values.ownerId);
        // Numbers are never reused, not even those of deleted risks a published report still shows.
        const row = await queryOneOrFail<{ id: string; number: number }>(
          tx,
          `INSERT INTO risk (project_id, number, description, cause, consequence, probability_before, consequence_before, probability_after,
                             consequence_after, measures, strategy, owner_id, proximity, status, created_by)
           VALUES ($1, 1 + GREATEST(
                     (SELECT coalesce(max(number), 0) FROM risk WHERE project_id = $1),
                     (SELECT coalesce(max(i.number), 0) FROM risk_snapshot_item i JOIN status_report sr ON sr.id = i.report_id WHERE sr.project_id = $1)),
                   $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           RETURNING id, number`,
          [
            projectId,
            values.description,
            values.cause,
            values.consequence,
            values.probabilityBefore,
            values.consequenceBefore,
            values.probabilityAfter,
            values.consequenceAfter,
            values.measures,
            values.strategy,
            values.ownerId,
            values.proximity,
            values.status,
            actor.userId,
          ],
        );
        return {
          history: { action: 'risk.created', entityType: 'risk', entityId: row.id, after: { number: row.number, ...values } },
          result: row.id,
        };
      },
      ACTIVE_ONLY,
    );
    return this.get(projectId, id);
  }

  async update(projectId: string, riskId: string, dto: UpdateRiskDto, actor: Principal): Promise<RiskDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const r = await find(tx, projectId, riskId, true);
        expectVersion('risk', dto.version, r.version);
        const before = fieldsOf(r);
        const after = {
          description: dto.description ?? before.description,
          cause: dto.cause ?? before.cause,
          consequence: dto.consequence ?? before.consequence,
          probabilityBefore: dto.probabilityBefore ?? before.probabilityBefore,
          consequenceBefore: dto.consequenceBefore ?? before.consequenceBefore,
          probabilityAfter: dto.probabilityAfter === undefined ? before.probabilityAfter : dto.probabilityAfter,
          consequenceAfter: dto.consequenceAfter === undefined ? before.consequenceAfter : dto.consequenceAfter,
          measures: dto.measures ?? before.measures,
          strategy: dto.strategy ?? before.strategy,
          ownerId: dto.ownerId ?? before.ownerId,
          proximity: dto.proximity === undefined ? before.proximity : dto.proximity,
          status: dto.status ?? before.status,
        };
        assertAssessment(after);
        // An owner who has since left the project stays until someone chooses another.
        if (after.ownerId !== before.ownerId && after.ownerId) await this.assertOwner(tx, projectId, after.ownerId);
        await execute(
          tx,
          `UPDATE risk SET description = $2, cause = $3, consequence = $4, probability_before = $5, consequence_before = $6,
                  probability_after = $7, consequence_after = $8, measures = $9, strategy = $10, owner_id = $11, proximity = $12,
                  status = $13, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [
            r.id,
            after.description,
            after.cause,
            after.consequence,
            after.probabilityBefore,
            after.consequenceBefore,
            after.probabilityAfter,
            after.consequenceAfter,
            after.measures,
            after.strategy,
            after.ownerId,
            after.proximity,
            after.status,
          ],
        );
        return {
          history: {
            action: 'risk.updated',
            entityType: 'risk',
            entityId: r.id,
            before: { number: r.number, ...before },
            after: { number: r.number, ...after },
          },
        };
      },
      ACTIVE_ONLY,
    );
    return this.get(projectId, riskId);
  }

  /** Deletes a risk from the register; the status reports published with it keep their copy. */
  async remove(projectId: string, riskId: string, actor: Principal): Promise<void> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, project) => {
        assertMayEdit(actor, project);
        const r = await find(tx, projectId, riskId, true);
        await execute(tx, `DELETE FROM risk WHERE id = $1`, [r.id]);
        return {
          history: { action: 'risk.deleted', entityType: 'risk', entityId: r.id, before: { number: r.number, ...fieldsOf(r) } },
        };
      },
      ACTIVE_ONLY,
    );
  }

  /** The register as a CSV or Excel file, in the asked language. */
  async export(projectId: string, query: RiskExportQueryDto): Promise<FileContent> {
    const lang: Lang = query.lang ?? 'nb';
    const risks = await this.list(projectId);
    const name = `${riskSheetName(lang).toLowerCase().replace(/\s+/g, '-')}-${todayInOslo()}`;
    if (query.format === 'xlsx') {
      return {
        data: await risksXlsx(risks, lang),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${name}.xlsx`,
      };
    }
    return { data: risksCsv(risks, lang), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }

  /**
   * The register of a status report: the frozen copy of a published report (or none, when it was published
   * before registers were kept), the live register for a draft; and what changed since the latest earlier
   * published report whose register was kept. Drafts are seen only by those who may edit the project, as
   * the report itself.
   */
  async forReport(projectId: string, reportId: string, roles: readonly RoleAssignment[]): Promise<ReportRisksDto> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const report = await queryOne<ReportRecord>(
        tx,
        `SELECT sr.id, sr.period, sr.state, p.region_id, s.frozen_at
           FROM status_report sr JOIN project p ON p.id = sr.project_id LEFT JOIN risk_snapshot s ON s.report_id = sr.id
          WHERE sr.id = $1 AND sr.project_id = $2`,
        [reportId, projectId],
      );
      if (!report || (report.state === 'draft' && !canOnProject(roles, { id: projectId, regionId: report.region_id }, 'edit'))) {
        throw new DomainError('STATUS_REPORT_NOT_FOUND', `The project has no status report with id ${reportId}.`);
      }
      const source = report.state === 'draft' ? 'live' : report.frozen_at ? 'frozen' : 'none';
      const risks: RiskRecord[] =
        source === 'live'
          ? await queryRows<LiveRiskRecord>(tx, `${RISK_SQL} WHERE r.project_id = $1 ORDER BY r.number`, [projectId])
          : source === 'frozen'
            ? await queryRows<RiskRecord>(tx, SNAPSHOT_SQL, [reportId])
            : [];
      const previous = await queryOne<{ id: string; period: string }>(
        tx,
        `SELECT sr.id, sr.period FROM status_report sr JOIN risk_snapshot s ON s.report_id = sr.id
          WHERE sr.project_id = $1 AND sr.state = 'published' AND sr.period < $2 ORDER BY sr.period DESC LIMIT 1`,
        [projectId, report.period],
      );
      const earlier = previous && source !== 'none' ? await queryRows<RiskRecord>(tx, SNAPSHOT_SQL, [previous.id]) : null;
      return {
        reportId: report.id,
        period: report.period,
        source,
        frozenAt: report.frozen_at?.toISOString() ?? null,
        risks: risks.map(toView),
        previous: previous && source !== 'none' ? { id: previous.id, period: previous.period } : null,
        changes: earlier ? riskChanges(earlier.map(factsOf), risks.map(factsOf)) : null,
      };
    });
  }

  /**
   * The open risks of the active projects a person follows (advisers and the regionråd: their regions;
   * admins: all), the highest score after measures first (shared compareRisks, in SQL).
   */
  async top(roles: readonly RoleAssignment[], query: TopRisksQueryDto): Promise<TopRisksDto> {
    const scope = portfolioScope(roles);
    if (query.regionId && scope !== 'all' && !scope.includes(query.regionId)) {
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${query.regionId} among those you follow.`);
    }
    const rows = await queryRows<TopRiskRecord>(
      this.db,
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
      [scope === 'all' ? null : scope, query.regionId ?? null, query.limit ?? TOP_RISKS_DEFAULT],
    );
    return {
      // Every row carries the count of all matches; no row means none.
      totalOpen: rows[0]?.total ?? 0,
      rows: rows.map((r) => {
        const after = scoresAfter(factsOf(r));
        const score = riskScore(after);
        return {
          id: r.id,
          number: r.number,
          description: r.description,
          scoreAfter: score,
          levelAfter: riskLevel(score),
          probability: after.probability,
          consequence: after.consequence,
          strategy: r.strategy,
          ownerName: r.owner_name,
          proximity: r.proximity,
          projectId: r.project_id,
          projectName: r.project_name,
          regionId: r.region_id,
          regionName: r.region_name,
        };
      }),
    };
  }

  /**
   * Freezes the register with a status report, in the transaction that publishes it (the caller holds the
   * project's lock): a copy of every risk as it is now, with its owner's name. Answers how many risks.
   */
  async freeze(tx: EntityManager, projectId: string, reportId: string): Promise<number> {
    await execute(tx, `INSERT INTO risk_snapshot (report_id) VALUES ($1)`, [reportId]);
    return execute(
      tx,
      `INSERT INTO risk_snapshot_item (report_id, risk_id, number, description, cause, consequence, probability_before, consequence_before,
                                       probability_after, consequence_after, measures, strategy, owner_id, owner_name, proximity, status)
       SELECT $1, r.id, r.number, r.description, r.cause, r.consequence, r.probability_before, r.consequence_before, r.probability_after,
              r.consequence_after, r.measures, r.strategy, r.owner_id, u.name, r.proximity, r.status
         FROM risk r LEFT JOIN app_user u ON u.id = r.owner_id
        WHERE r.project_id = $2`,
      [reportId, projectId],
    );
  }

  private async assertOwner(tx: EntityManager, projectId: string, ownerId: string): Promise<void> {
    const eligible = await this.owners(projectId, tx);
    if (!eligible.some((o) => o.id === ownerId)) {
      throw new DomainError(
        'RISK_OWNER_NOT_ELIGIBLE',
        'The owner must be someone with a role in the project or its region (the project team, the regionråd, an adviser or a kommune contact).',
        [{ field: 'ownerId', messages: ['ownerId must be someone with a role in the project or its region'] }],
      );
    }
  }
}

function assertMayEdit(actor: Principal, project: { id: string; regionId: string }): void {
  if (!mayEditRisks(actor.roles, project)) {
    throw new DomainError('FORBIDDEN', 'Only the project leader and members, the regionråd and administrators change the risk register.');
  }
}

function assertAssessment(a: {
  probabilityBefore: number;
  consequenceBefore: number;
  probabilityAfter: number | null;
  consequenceAfter: number | null;
  measures: string;
}): void {
  const problems = riskAssessmentProblems(a);
  if (problems.length) {
    throw new DomainError(
      'RISK_ASSESSMENT_INVALID',
      `The assessment does not hold: ${problems.map((p) => `${p.field}: ${PROBLEM_WORDS[p.problem]}`).join('; ')}.`,
      problems.map((p) => ({ field: p.field, messages: [`${p.field}: ${PROBLEM_WORDS[p.problem]}`] })),
    ).withParams({ problem: problems[0].problem });
  }
}

async function find(em: SqlRunner, projectId: string, riskId: string, lock = false): Promise<LiveRiskRecord> {
  const row = await queryOne<LiveRiskRecord>(em, `${RISK_SQL} WHERE r.id = $1 AND r.project_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`, [
    riskId,
    projectId,
  ]);
  if (!row) throw new DomainError('RISK_NOT_FOUND', `The project has no risk with id ${riskId}.`);
  return row;
}

/** The stored fields of a risk, as the history shows them. */
function fieldsOf(r: RiskRecord) {
  return {
    description: r.description,
    cause: r.cause,
    consequence: r.consequence,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    measures: r.measures,
    strategy: r.strategy,
    ownerId: r.owner_id,
    proximity: r.proximity,
    status: r.status,
  };
}

function factsOf(r: RiskRecord): RiskFacts {
  return {
    id: r.id,
    number: r.number,
    description: r.description,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    status: r.status,
    proximity: r.proximity,
  };
}

function toView(r: RiskRecord): RiskViewDto {
  const facts = factsOf(r);
  const before = riskScore(scoresBefore(facts));
  const after = riskScore(scoresAfter(facts));
  return {
    id: r.id,
    number: r.number,
    description: r.description,
    cause: r.cause,
    consequence: r.consequence,
    probabilityBefore: r.probability_before,
    consequenceBefore: r.consequence_before,
    probabilityAfter: r.probability_after,
    consequenceAfter: r.consequence_after,
    scoreBefore: before,
    scoreAfter: after,
    levelBefore: riskLevel(before),
    levelAfter: riskLevel(after),
    measures: r.measures,
    strategy: r.strategy,
    owner: r.owner_id && r.owner_name !== null ? { id: r.owner_id, name: r.owner_name } : null,
    proximity: r.proximity,
    status: r.status,
  };
}

function toDto(r: LiveRiskRecord): RiskDto {
  return { ...toView(r), version: r.version, updatedAt: r.updated_at.toISOString() };
}
