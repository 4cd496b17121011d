import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, riskChanges, type RoleAssignment } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { execute } from '../database/sql';
import { ReportRisksDto } from './risk.dto';
import { findFrozenRisks, findPreviousFrozenReport, findRiskReport, findRisks, type RiskRecord } from './risk.queries';
import { factsOf, toView } from './risk-rules';

/**
 * The risk register of the status reports: publishing a report freezes a copy of the register (`freeze`,
 * called by the status reports in their publishing transaction), and a report shows that copy and what
 * changed since the report before.
 */
@Injectable()
export class RiskReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The register of a status report: the frozen copy of a published report (or none, when it was published
   * before registers were kept), the live register for a draft; and what changed since the latest earlier
   * published report whose register was kept. Drafts are seen only by those who may edit the project, as
   * the report itself.
   */
  async forReport(projectId: string, reportId: string, roles: readonly RoleAssignment[]): Promise<ReportRisksDto> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const report = await findRiskReport(tx, projectId, reportId);
      if (!report || (report.state === 'draft' && !canOnProject(roles, { id: projectId, regionId: report.region_id }, 'edit'))) {
        throw new DomainError('STATUS_REPORT_NOT_FOUND', `The project has no status report with id ${reportId}.`);
      }
      const source = report.state === 'draft' ? 'live' : report.frozen_at ? 'frozen' : 'none';
      const risks: RiskRecord[] =
        source === 'live' ? await findRisks(tx, projectId) : source === 'frozen' ? await findFrozenRisks(tx, reportId) : [];
      const previous = await findPreviousFrozenReport(tx, projectId, report.period);
      const earlier = previous && source !== 'none' ? await findFrozenRisks(tx, previous.id) : null;
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
}
