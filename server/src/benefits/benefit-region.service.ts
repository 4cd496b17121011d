import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BENEFIT_TRENDS, canOnProject, type BenefitTrend } from '@nvr/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { queryOne } from '../database/sql';
import { RegionBenefitsDto } from './benefit.dto';
import { findBenefitRecords, findRegionProjects } from './benefit.queries';
import { mapBenefits, type Reader } from './benefit-mapping';

/** The benefits of a region's projects, for the regionråd's follow-up also after the projects have ended. */
@Injectable()
export class BenefitRegionService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The benefits of every project of a region the reader may see (the regionråd, advisers and kommune
   * contacts see them all; a project leader their own projects), with the trend of each.
   */
  async region(regionId: string, reader: Reader): Promise<RegionBenefitsDto> {
    const region = await queryOne<{ id: string; name: string }>(this.db, `SELECT id, name FROM region WHERE id = $1`, [regionId]);
    if (!region) throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${regionId}.`);
    const projects = (await findRegionProjects(this.db, regionId)).filter((p) => canOnProject(reader.roles, p, 'read'));
    const records = await findBenefitRecords(
      this.db,
      projects.map((p) => p.id),
    );
    const trends = Object.fromEntries(BENEFIT_TRENDS.map((t) => [t, 0])) as Record<BenefitTrend, number>;
    const shown = projects.flatMap((p) => {
      // A benefit area is checked against its own project's plans only on the project's page.
      const benefits = mapBenefits(records, p, reader, null);
      for (const b of benefits) trends[b.trend] += 1;
      return benefits.length ? [{ id: p.id, name: p.name, status: p.status, benefits }] : [];
    });
    return { regionId: region.id, regionName: region.name, trends, projects: shown };
  }
}
