import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { riskLevel, riskScore, scoresAfter, type RoleAssignment } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { portfolioScope } from '../portfolio/portfolio.service';
import { TOP_RISKS_DEFAULT, TopRisksDto, TopRisksQueryDto } from './risk.dto';
import { findTopRisks } from './risk.queries';
import { factsOf } from './risk-rules';

/** The top risks across the projects one follows, for the portfolio. */
@Injectable()
export class TopRiskService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The open risks of the active projects a person follows (advisers and the regionråd: their regions;
   * admins: all), the highest score after measures first (shared compareRisks, in SQL).
   */
  async top(roles: readonly RoleAssignment[], query: TopRisksQueryDto): Promise<TopRisksDto> {
    const scope = portfolioScope(roles);
    if (query.regionId && scope !== 'all' && !scope.includes(query.regionId)) {
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${query.regionId} among those you follow.`);
    }
    const rows = await findTopRisks(this.db, scope === 'all' ? null : scope, query.regionId ?? null, query.limit ?? TOP_RISKS_DEFAULT);
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
}
