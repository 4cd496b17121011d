import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BENEFIT_TRENDS,
  benefitTrend,
  canOnProject,
  indicatorTrend,
  isPlanBenefitArea,
  mayEditBenefits,
  mayRecordMeasurement,
  planBenefitAreas,
  todayInOslo,
  type BenefitProject,
  type BenefitTrend,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, type FieldError } from '../common/domain-error';
import { PersonDto } from '../common/person.dto';
import { execute, queryOne, queryOneOrFail, queryRows, type SqlRunner } from '../database/sql';
import type { FileContent } from '../files/file.service';
import { ChangeRecord, expectVersion, ProjectChanges, type LockedProject } from '../projects/project-changes';
import { exportRegister } from './benefit-export';
import { renderBenefitReport } from './benefit-report';
import {
  BenefitDto,
  BenefitExportQueryDto,
  BenefitRegisterDto,
  BenefitReportQueryDto,
  CreateBenefitDto,
  CreateIndicatorDto,
  CreateMeasurementDto,
  IndicatorDto,
  RegionBenefitsDto,
  UpdateBenefitDto,
  UpdateIndicatorDto,
  UpdateMeasurementDto,
} from './benefit.dto';
import {
  BENEFIT_SQL,
  findBenefitProject,
  findBenefitRecords,
  findOwnerCandidates,
  findPlansForAreas,
  findRegionProjects,
  INDICATOR_SQL,
  MEASUREMENT_SQL,
  type BenefitProjectRow,
  type BenefitRecords,
  type BenefitRow,
  type IndicatorRow,
  type MeasurementRow,
} from './benefit.queries';

/** Who reads: their id and roles decide what they may do with each benefit. */
type Reader = Pick<Principal, 'userId' | 'roles'>;

/**
 * The benefits register of a project (gevinstrealisering): benefits under the plans' benefit areas, each
 * with an owner and indicators, and the measurements of each indicator over time. Every change goes
 * through the project's unit of work (lock, versions, history); none is refused because the project has
 * ended: the register is followed up after it, by the benefits' owners and the regionråd.
 */
@Injectable()
export class BenefitService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: ProjectChanges,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // Reading

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

  /** The register as a spreadsheet (CSV for Norwegian Excel, or XLSX): one row per indicator, and every measurement. */
  async export(projectId: string, query: BenefitExportQueryDto, reader: Reader): Promise<FileContent> {
    const register = await this.register(projectId, reader);
    return exportRegister(register, query.format ?? 'csv', query.lang ?? 'nb', todayInOslo());
  }

  /** The benefits report (gevinstrapport) as PDF or DOCX, in nb, nn or en. */
  async report(projectId: string, query: BenefitReportQueryDto, reader: Reader): Promise<FileContent> {
    const project = await this.project(this.db, projectId);
    const register = await this.register(projectId, reader);
    return renderBenefitReport(register, project.regionName, query.format ?? 'pdf', query.lang ?? 'nb', todayInOslo());
  }

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
    return this.get(projectId, id, actor);
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
    return this.get(projectId, benefitId, actor);
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
    return this.get(projectId, benefitId, actor);
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
    return this.get(projectId, benefitId, actor);
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
    return this.get(projectId, benefitId, actor);
  }

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
    return this.get(projectId, benefitId, actor);
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
    return this.get(projectId, benefitId, actor);
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
    return this.get(projectId, benefitId, actor);
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

  private async project(db: SqlRunner, projectId: string): Promise<BenefitProjectRow> {
    const project = await findBenefitProject(db, projectId);
    if (!project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    return project;
  }
}

// ---------------------------------------------------------------------------------------------------
// Rules that need the database

function requireEdit(actor: Principal, project: LockedProject): void {
  if (!mayEditBenefits(actor.roles, project)) throw forbiddenEdit(project);
}

function forbiddenEdit(project: BenefitProject): DomainError {
  return new DomainError(
    'FORBIDDEN',
    project.status === 'active'
      ? 'Only the project leader and members, the regionråd and admins change the benefits register; others read it.'
      : 'The project has ended: its benefits register is kept by the regionråd (and admins); the owners record measurements.',
  );
}

function requireRecord(actor: Principal, project: LockedProject, b: BenefitRow): void {
  if (!mayRecordMeasurement(actor.roles, project, { ownerUserId: b.owner_id }, actor.userId)) {
    throw new DomainError(
      'FORBIDDEN',
      'Only the benefit’s owner, the project’s editors while it runs, the regionråd and admins record its measurements.',
    );
  }
}

async function checkOwner(tx: SqlRunner, project: { id: string; regionId: string }, userId: string): Promise<void> {
  const [candidate] = await findOwnerCandidates(tx, project, userId);
  if (!candidate) {
    throw new DomainError(
      'BENEFIT_OWNER_NOT_ALLOWED',
      'The owner must be an active person of the project (leader, member) or of its region (regionråd, kommune contact).',
      [{ field: 'ownerUserId', messages: ['ownerUserId is not a person who may own the project’s benefits'] }],
    );
  }
}

/** Answers the area as the plan writes it; refuses one that is not among the plans' benefit areas. */
async function checkArea(tx: SqlRunner, projectId: string, area: string): Promise<string> {
  const areas = planBenefitAreas(await findPlansForAreas(tx, projectId));
  if (!isPlanBenefitArea(areas, area)) {
    throw new DomainError(
      'BENEFIT_AREA_NOT_IN_PLAN',
      areas.length
        ? `"${area}" is not one of the benefit areas of the project’s plans (${areas.join('; ')}); choose one of them, or none.`
        : 'The project’s plans name no benefit areas; the benefit stands alone (benefitArea null).',
      [{ field: 'benefitArea', messages: ['benefitArea must be one of the plans’ benefit areas, or null'] }],
    );
  }
  return areas.find((a) => a.trim().toLowerCase() === area.trim().toLowerCase()) ?? area;
}

function checkIndicator(i: Pick<CreateIndicatorDto, 'startValue' | 'targetValue' | 'startDate' | 'targetDate'>, prefix: string): void {
  const problems: FieldError[] = [];
  if (i.targetValue === i.startValue) {
    throw new DomainError('BENEFIT_TARGET_EQUALS_START', 'The target value must differ from the start value: there must be a way to go.', [
      { field: `${prefix}targetValue`, messages: ['targetValue must differ from startValue'] },
    ]);
  }
  if (i.targetDate <= i.startDate) problems.push({ field: `${prefix}targetDate`, messages: ['targetDate must be after startDate'] });
  if (problems.length) {
    throw new DomainError('BENEFIT_TARGET_DATE_NOT_AFTER_START', 'The target date must come after the start date.', problems);
  }
}

async function insertIndicator(tx: SqlRunner, benefitId: string, i: CreateIndicatorDto): Promise<string> {
  const row = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO benefit_indicator (benefit_id, name, unit, start_value, start_date, target_value, target_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [benefitId, i.name, i.unit, i.startValue, i.startDate, i.targetValue, i.targetDate],
  );
  return row.id;
}

/** A measurement is dated from the indicator's start date up to today (Oslo), one per indicator and day. */
async function checkMeasurementDate(tx: SqlRunner, ind: IndicatorRow, date: string, exceptId: string | null): Promise<void> {
  if (date < ind.start_date) {
    throw new DomainError(
      'BENEFIT_MEASUREMENT_BEFORE_START',
      `The indicator starts on ${ind.start_date}; a measurement cannot come before.`,
      [{ field: 'measuredOn', messages: [`measuredOn must be on or after the start date ${ind.start_date}`] }],
    ).withParams({ date: ind.start_date });
  }
  const today = todayInOslo();
  if (date > today) {
    throw new DomainError('BENEFIT_MEASUREMENT_IN_FUTURE', 'A measurement cannot be dated in the future.', [
      { field: 'measuredOn', messages: ['measuredOn must be today or earlier'] },
    ]);
  }
  const taken = await queryOne<{ id: string }>(
    tx,
    `SELECT id FROM benefit_measurement WHERE indicator_id = $1 AND measured_on = $2 AND ($3::uuid IS NULL OR id <> $3)`,
    [ind.id, date, exceptId],
  );
  if (taken) {
    throw new DomainError(
      'BENEFIT_MEASUREMENT_DATE_TAKEN',
      `The indicator already has a measurement on ${date}; correct that one instead.`,
      [{ field: 'measuredOn', messages: [`there is a measurement on ${date} already`] }],
    ).withParams({ date });
  }
}

async function findBenefit(db: SqlRunner, projectId: string, benefitId: string, lock = false): Promise<BenefitRow> {
  const row = await queryOne<BenefitRow>(db, `${BENEFIT_SQL} WHERE b.id = $1 AND b.project_id = $2 ${lock ? 'FOR UPDATE OF b' : ''}`, [
    benefitId,
    projectId,
  ]);
  if (!row) throw notFound(benefitId);
  return row;
}

async function findIndicator(db: SqlRunner, benefitId: string, indicatorId: string, lock = false): Promise<IndicatorRow> {
  const row = await queryOne<IndicatorRow>(db, `${INDICATOR_SQL} WHERE i.id = $1 AND i.benefit_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
    indicatorId,
    benefitId,
  ]);
  if (!row) throw new DomainError('BENEFIT_INDICATOR_NOT_FOUND', `The benefit has no indicator with id ${indicatorId}.`);
  return row;
}

async function findMeasurement(db: SqlRunner, indicatorId: string, measurementId: string): Promise<MeasurementRow> {
  const row = await queryOne<MeasurementRow>(db, `${MEASUREMENT_SQL} WHERE m.id = $1 AND m.indicator_id = $2 FOR UPDATE OF m`, [
    measurementId,
    indicatorId,
  ]);
  if (!row) throw new DomainError('BENEFIT_MEASUREMENT_NOT_FOUND', `The indicator has no measurement with id ${measurementId}.`);
  return row;
}

function notFound(benefitId: string): DomainError {
  return new DomainError('BENEFIT_NOT_FOUND', `The project has no benefit with id ${benefitId}.`);
}

function indicatorValues(i: IndicatorRow) {
  return {
    name: i.name,
    unit: i.unit,
    startValue: i.start_value,
    startDate: i.start_date,
    targetValue: i.target_value,
    targetDate: i.target_date,
    closed: i.closed,
  };
}

// ---------------------------------------------------------------------------------------------------
// Mapping

/**
 * The benefits of one project from the records of several, with their trends and what the reader may do.
 * `areas`: the project's plan areas, to tell whether each benefit's area is still in the plan; null when
 * not read (the region's view), which counts every area as in the plan.
 */
function mapBenefits(records: BenefitRecords, project: BenefitProject, reader: Reader, areas: readonly string[] | null): BenefitDto[] {
  return records.benefits
    .filter((b) => b.project_id === project.id)
    .map((b) => {
      const indicators = records.indicators.filter((i) => i.benefit_id === b.id).map((i) => mapIndicator(i, records.measurements));
      return {
        id: b.id,
        projectId: b.project_id,
        number: b.number,
        title: b.title,
        description: b.description,
        benefitArea: b.benefit_area,
        benefitAreaInPlan: b.benefit_area === null || areas === null || isPlanBenefitArea(areas, b.benefit_area),
        owner: b.owner_id ? { id: b.owner_id, name: b.owner_name ?? '' } : null,
        handedOverAt: b.handed_over_at ? b.handed_over_at.toISOString() : null,
        trend: benefitTrend(indicators),
        mayRecord: mayRecordMeasurement(reader.roles, project, { ownerUserId: b.owner_id }, reader.userId),
        indicators,
        version: b.version,
      };
    });
}

function mapIndicator(i: IndicatorRow, all: readonly MeasurementRow[]): IndicatorDto {
  const measurements = all.filter((m) => m.indicator_id === i.id);
  const target = { startValue: i.start_value, startDate: i.start_date, targetValue: i.target_value, targetDate: i.target_date };
  const result = indicatorTrend(
    target,
    measurements.map((m) => ({ date: m.measured_on, value: m.value })),
  );
  return {
    id: i.id,
    name: i.name,
    unit: i.unit,
    ...target,
    closed: i.closed,
    trend: result.trend,
    share: result.share,
    expected: result.expected,
    latest: result.latest,
    measurements: measurements.map((m) => ({
      id: m.id,
      measuredOn: m.measured_on,
      value: m.value,
      comment: m.comment,
      recordedBy: m.recorded_by ? { id: m.recorded_by, name: m.recorded_by_name ?? '' } : null,
      recordedAt: m.recorded_at.toISOString(),
      version: m.version,
    })),
    version: i.version,
  };
}
