import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { execute, queryOneOrFail } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { BenefitDto, CreateMeasurementDto, UpdateMeasurementDto } from './benefit.dto';
import { checkMeasurementDate, findBenefit, findIndicator, findMeasurement, requireRecord } from './benefit-rules';
import { BenefitService } from './benefit.service';

/**
 * The measurements of the indicators: recorded, corrected and deleted by the benefit's owner and those who
 * may change the register, also after the project has ended (shared mayRecordMeasurement).
 */
@Injectable()
export class BenefitMeasurementService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly benefits: BenefitService,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Measurements: also after the project has ended, by the owner and the owner's side

  async addMeasurement(
    projectId: string,
    benefitId: string,
    indicatorId: string,
    dto: CreateMeasurementDto,
    actor: Principal,
  ): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      const b = await findBenefit(tx, projectId, benefitId, true);
      requireRecord(actor, project, b);
      const ind = await findIndicator(tx, b.id, indicatorId, true);
      await checkMeasurementDate(tx, ind, dto.measuredOn, null);
      const row = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO benefit_measurement (indicator_id, measured_on, value, comment, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [ind.id, dto.measuredOn, dto.value, dto.comment ?? '', actor.userId],
      );
      return {
        history: {
          action: 'benefit.measurement_recorded',
          entityType: 'benefit_measurement',
          entityId: row.id,
          after: { benefit: b.title, indicator: ind.name, measuredOn: dto.measuredOn, value: dto.value, comment: dto.comment ?? '' },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }

  async updateMeasurement(
    projectId: string,
    benefitId: string,
    indicatorId: string,
    measurementId: string,
    dto: UpdateMeasurementDto,
    actor: Principal,
  ): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      const b = await findBenefit(tx, projectId, benefitId, true);
      requireRecord(actor, project, b);
      const ind = await findIndicator(tx, b.id, indicatorId, true);
      const m = await findMeasurement(tx, ind.id, measurementId);
      expectVersion('measurement', dto.version, m.version);
      const after = { measuredOn: dto.measuredOn ?? m.measured_on, value: dto.value ?? m.value, comment: dto.comment ?? m.comment };
      if (after.measuredOn !== m.measured_on) await checkMeasurementDate(tx, ind, after.measuredOn, m.id);
      await execute(tx, `UPDATE benefit_measurement SET measured_on = $2, value = $3, comment = $4, version = version + 1 WHERE id = $1`, [
        m.id,
        after.measuredOn,
        after.value,
        after.comment,
      ]);
      return {
        history: {
          action: 'benefit.measurement_updated',
          entityType: 'benefit_measurement',
          entityId: m.id,
          before: { benefit: b.title, indicator: ind.name, measuredOn: m.measured_on, value: m.value, comment: m.comment },
          after: { benefit: b.title, indicator: ind.name, ...after },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }

  async removeMeasurement(
    projectId: string,
    benefitId: string,
    indicatorId: string,
    measurementId: string,
    actor: Principal,
  ): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      const b = await findBenefit(tx, projectId, benefitId, true);
      requireRecord(actor, project, b);
      const ind = await findIndicator(tx, b.id, indicatorId, true);
      const m = await findMeasurement(tx, ind.id, measurementId);
      await execute(tx, `DELETE FROM benefit_measurement WHERE id = $1`, [m.id]);
      return {
        history: {
          action: 'benefit.measurement_deleted',
          entityType: 'benefit_measurement',
          entityId: m.id,
          before: { benefit: b.title, indicator: ind.name, measuredOn: m.measured_on, value: m.value },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }
}
