import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail } from '../database/sql';
import { expectVersion, ProjectChanges } from '../projects/project-changes';
import { BenefitDto, CreateBenefitDto, CreateIndicatorDto, UpdateBenefitDto, UpdateIndicatorDto } from './benefit.dto';
import {
  checkArea,
  checkIndicator,
  checkOwner,
  findBenefit,
  findIndicator,
  indicatorValues,
  insertIndicator,
  requireEdit,
} from './benefit-rules';
import { BenefitService } from './benefit.service';

/**
 * Changes to the register's benefits and their indicators. Every change goes through the project's unit
 * of work (lock, versions, history); none is refused because the project has ended: the regionråd keeps
 * the register after it (shared mayEditBenefits).
 */
@Injectable()
export class BenefitRegisterService {
  constructor(
    private readonly changes: ProjectChanges,
    private readonly benefits: BenefitService,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Benefits

  async create(projectId: string, dto: CreateBenefitDto, actor: Principal): Promise<BenefitDto> {
    const id = await this.changes.run<string>(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      await checkOwner(tx, project, dto.ownerUserId);
      const area = dto.benefitArea ? await checkArea(tx, projectId, dto.benefitArea) : null;
      const indicators = dto.indicators ?? [];
      indicators.forEach((ind, i) => checkIndicator(ind, `indicators[${i}].`));
      const row = await queryOneOrFail<{ id: string; number: number }>(
        tx,
        `INSERT INTO benefit (project_id, number, title, description, benefit_area, owner_id, created_by)
         VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM benefit WHERE project_id = $1), $2, $3, $4, $5, $6)
         RETURNING id, number`,
        [projectId, dto.title, dto.description ?? '', area, dto.ownerUserId, actor.userId],
      );
      for (const ind of indicators) await insertIndicator(tx, row.id, ind);
      return {
        history: {
          action: 'benefit.created',
          entityType: 'benefit',
          entityId: row.id,
          after: {
            number: row.number,
            title: dto.title,
            benefitArea: area,
            ownerUserId: dto.ownerUserId,
            indicators: indicators.map((i) => i.name),
          },
        },
        result: row.id,
      };
    });
    return this.benefits.get(projectId, id, actor);
  }

  async update(projectId: string, benefitId: string, dto: UpdateBenefitDto, actor: Principal): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      const b = await findBenefit(tx, projectId, benefitId, true);
      expectVersion('benefit', dto.version, b.version);
      if (dto.ownerUserId !== undefined && dto.ownerUserId !== b.owner_id) await checkOwner(tx, project, dto.ownerUserId);
      let area = b.benefit_area;
      if (dto.benefitArea === null) area = null;
      // An area kept as it was stays, even if the plan has since renamed it; a new one must be in the plans.
      else if (dto.benefitArea !== undefined && dto.benefitArea !== b.benefit_area) area = await checkArea(tx, projectId, dto.benefitArea);
      const before = { title: b.title, description: b.description, benefitArea: b.benefit_area, ownerUserId: b.owner_id };
      const after = {
        title: dto.title ?? b.title,
        description: dto.description ?? b.description,
        benefitArea: area,
        ownerUserId: dto.ownerUserId ?? b.owner_id,
      };
      await execute(
        tx,
        `UPDATE benefit SET title = $2, description = $3, benefit_area = $4, owner_id = $5, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [b.id, after.title, after.description, after.benefitArea, after.ownerUserId],
      );
      return { history: { action: 'benefit.updated', entityType: 'benefit', entityId: b.id, before, after } };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }

  /** Deletes a benefit and its indicators; one with measurements is kept (close its indicators instead). */
  async remove(projectId: string, benefitId: string, actor: Principal): Promise<void> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      const b = await findBenefit(tx, projectId, benefitId, true);
      const measured = await queryOne<{ n: number }>(
        tx,
        `SELECT count(*)::int AS n FROM benefit_measurement m JOIN benefit_indicator i ON i.id = m.indicator_id WHERE i.benefit_id = $1`,
        [b.id],
      );
      if (measured && measured.n > 0) {
        throw new DomainError(
          'BENEFIT_HAS_MEASUREMENTS',
          `The benefit has ${measured.n} measurement(s); they are kept. Close its indicators instead, or delete the measurements first.`,
        ).withParams({ count: measured.n });
      }
      await execute(tx, `DELETE FROM benefit WHERE id = $1`, [b.id]);
      return {
        history: { action: 'benefit.deleted', entityType: 'benefit', entityId: b.id, before: { number: b.number, title: b.title } },
      };
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Indicators

  async addIndicator(projectId: string, benefitId: string, dto: CreateIndicatorDto, actor: Principal): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      const b = await findBenefit(tx, projectId, benefitId, true);
      checkIndicator(dto, '');
      const id = await insertIndicator(tx, b.id, dto);
      return {
        history: {
          action: 'benefit.indicator_added',
          entityType: 'benefit_indicator',
          entityId: id,
          after: { benefit: b.title, ...dto },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }

  async updateIndicator(
    projectId: string,
    benefitId: string,
    indicatorId: string,
    dto: UpdateIndicatorDto,
    actor: Principal,
  ): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      const b = await findBenefit(tx, projectId, benefitId, true);
      const ind = await findIndicator(tx, b.id, indicatorId, true);
      expectVersion('indicator', dto.version, ind.version);
      const before = indicatorValues(ind);
      const after = {
        name: dto.name ?? ind.name,
        unit: dto.unit ?? ind.unit,
        startValue: dto.startValue ?? ind.start_value,
        startDate: dto.startDate ?? ind.start_date,
        targetValue: dto.targetValue ?? ind.target_value,
        targetDate: dto.targetDate ?? ind.target_date,
        closed: dto.closed ?? ind.closed,
      };
      checkIndicator(after, '');
      if (after.startDate !== ind.start_date) {
        const first = await queryOne<{ first: string | null }>(
          tx,
          `SELECT min(measured_on)::text AS first FROM benefit_measurement WHERE indicator_id = $1`,
          [ind.id],
        );
        if (first?.first && first.first < after.startDate) {
          throw new DomainError(
            'BENEFIT_MEASUREMENT_BEFORE_START',
            `The indicator has a measurement from ${first.first}, before the new start date ${after.startDate}.`,
            [{ field: 'startDate', messages: [`startDate must be on or before the first measurement (${first.first})`] }],
          ).withParams({ date: first.first });
        }
      }
      await execute(
        tx,
        `UPDATE benefit_indicator SET name = $2, unit = $3, start_value = $4, start_date = $5, target_value = $6, target_date = $7,
                closed = $8, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [ind.id, after.name, after.unit, after.startValue, after.startDate, after.targetValue, after.targetDate, after.closed],
      );
      return {
        history: {
          action: 'benefit.indicator_updated',
          entityType: 'benefit_indicator',
          entityId: ind.id,
          before: { benefit: b.title, ...before },
          after: { benefit: b.title, ...after },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }

  async removeIndicator(projectId: string, benefitId: string, indicatorId: string, actor: Principal): Promise<BenefitDto> {
    await this.changes.run(projectId, actor, async (tx, project) => {
      requireEdit(actor, project);
      const b = await findBenefit(tx, projectId, benefitId, true);
      const ind = await findIndicator(tx, b.id, indicatorId, true);
      const measured = await queryOneOrFail<{ n: number }>(
        tx,
        `SELECT count(*)::int AS n FROM benefit_measurement WHERE indicator_id = $1`,
        [ind.id],
      );
      if (measured.n > 0) {
        throw new DomainError(
          'BENEFIT_HAS_MEASUREMENTS',
          `The indicator has ${measured.n} measurement(s); they are kept. Close the indicator instead, or delete the measurements first.`,
        ).withParams({ count: measured.n });
      }
      await execute(tx, `DELETE FROM benefit_indicator WHERE id = $1`, [ind.id]);
      return {
        history: {
          action: 'benefit.indicator_deleted',
          entityType: 'benefit_indicator',
          entityId: ind.id,
          before: { benefit: b.title, name: ind.name },
        },
      };
    });
    return this.benefits.get(projectId, benefitId, actor);
  }
}
