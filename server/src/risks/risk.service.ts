import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compareNb } from '@nvr/shared';
import { DataSource } from 'typeorm';
import type { SqlRunner } from '../database/sql';
import { RiskDto, RiskOwnerDto } from './risk.dto';
import { findRisk, findRiskOwners, findRisks } from './risk.queries';
import { toDto } from './risk-rules';

/**
 * A project's risk register as it is now: each risk with cause and consequence, scores before and after
 * measures, a strategy, an owner, the quarter it may occur in and a status. Everyone who may read the
 * project reads it; the changes are in RiskRegisterService, the copies kept with status reports in
 * RiskReportService, the top risks across projects in TopRiskService and the files in RiskExportService.
 */
@Injectable()
export class RiskService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(projectId: string, em: SqlRunner = this.db): Promise<RiskDto[]> {
    return (await findRisks(em, projectId)).map(toDto);
  }

  async get(projectId: string, riskId: string): Promise<RiskDto> {
    return toDto(await findRisk(this.db, projectId, riskId));
  }

  /** Who may own a risk: the people with a role in the project or its region (not admins), by name. */
  async owners(projectId: string, em: SqlRunner = this.db): Promise<RiskOwnerDto[]> {
    const rows = await findRiskOwners(em, projectId);
    return rows.sort((a, b) => compareNb(a.name, b.name) || a.id.localeCompare(b.id));
  }
}
