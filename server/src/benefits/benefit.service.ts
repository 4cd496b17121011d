import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayEditBenefits, planBenefitAreas } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { PersonDto } from '../common/person.dto';
import { queryRows, type SqlRunner } from '../database/sql';
import { ChangeRecord } from '../projects/project-changes';
import { BenefitDto, BenefitRegisterDto } from './benefit.dto';
import { findBenefitProject, findBenefitRecords, findOwnerCandidates, findPlansForAreas, type BenefitProjectRow } from './benefit.queries';
import { mapBenefits, type Reader } from './benefit-mapping';
import { forbiddenEdit, notFound } from './benefit-rules';

/**
 * The benefits register of a project (gevinstrealisering) as it is now: benefits under the plans' benefit
 * areas, each with an owner and indicators, and the measurements of each indicator over time, with their
 * trends and what the reader may do. The changes are BenefitRegisterService's (benefits, indicators) and
 * BenefitMeasurementService's; the region's view BenefitRegionService's; the files BenefitFileService's.
 * The register is followed up after the project has ended, by the benefits' owners and the regionråd.
 */
@Injectable()
export class BenefitService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async register(projectId: string, reader: Reader): Promise<BenefitRegisterDto> {
    const project = await this.project(this.db, projectId);
    const records = await findBenefitRecords(this.db, [projectId]);
    const areas = planBenefitAreas(await findPlansForAreas(this.db, projectId));
    return {
      projectId: project.id,
      projectName: project.name,
      projectStatus: project.status,
      mayEdit: mayEditBenefits(reader.roles, project),
      areas,
      benefits: mapBenefits(records, project, reader, areas),
    };
  }

  async get(projectId: string, benefitId: string, reader: Reader, db: SqlRunner = this.db): Promise<BenefitDto> {
    const project = await this.project(db, projectId);
    const records = await findBenefitRecords(db, [projectId]);
    const areas = planBenefitAreas(await findPlansForAreas(db, projectId));
    const benefit = mapBenefits(records, project, reader, areas).find((b) => b.id === benefitId);
    if (!benefit) throw notFound(benefitId);
    return benefit;
  }

  /** The people who may own a benefit of the project (for those who may change the register). */
  async owners(projectId: string, reader: Reader): Promise<PersonDto[]> {
    const project = await this.project(this.db, projectId);
    if (!mayEditBenefits(reader.roles, project)) throw forbiddenEdit(project);
    return findOwnerCandidates(this.db, project);
  }

  // -------------------------------------------------------------------------------------------------
  // The project's end

  /**
   * Hands the project's benefits to their owners at its end: marks each benefit not yet handed over, in
   * the caller's transaction (the closing decision's unit of work, which holds the project locked), and
   * answers the history records for the caller to include in its outcome. The register stays open to the
   * owners and the regionråd after this (measurements, owners, closing indicators).
   */
  async handOver(tx: EntityManager, projectId: string): Promise<ChangeRecord[]> {
    const rows = await queryRows<{ id: string; number: number; title: string; owner_name: string | null }>(
      tx,
      `UPDATE benefit b SET handed_over_at = now(), version = b.version + 1, updated_at = now()
         FROM benefit x LEFT JOIN app_user u ON u.id = x.owner_id
        WHERE b.id = x.id AND b.project_id = $1 AND b.handed_over_at IS NULL
        RETURNING b.id, b.number, b.title, u.name AS owner_name`,
      [projectId],
    );
    return rows.map((r) => ({
      action: 'benefit.handed_over',
      entityType: 'benefit',
      entityId: r.id,
      after: { number: r.number, title: r.title, owner: r.owner_name },
    }));
  }

  /** The project a register belongs to (what the access rules and the headings need); PROJECT_NOT_FOUND otherwise. */
  async project(db: SqlRunner, projectId: string): Promise<BenefitProjectRow> {
    const project = await findBenefitProject(db, projectId);
    if (!project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    return project;
  }
}
