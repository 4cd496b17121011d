import { isPlanBenefitArea, mayEditBenefits, mayRecordMeasurement, planBenefitAreas, todayInOslo, type BenefitProject } from '@nvr/shared';
import type { Principal } from '../auth/principal';
import { DomainError, type FieldError } from '../common/domain-error';
import { queryOne, queryOneOrFail, type SqlRunner } from '../database/sql';
import type { LockedProject } from '../projects/project-changes';
import type { CreateIndicatorDto } from './benefit.dto';
import {
  BENEFIT_SQL,
  findOwnerCandidates,
  findPlansForAreas,
  INDICATOR_SQL,
  MEASUREMENT_SQL,
  type BenefitRow,
  type IndicatorRow,
  type MeasurementRow,
} from './benefit.queries';

/** The rules of the register that need the database, its refusals, and reading a row to change it. */

export function requireEdit(actor: Principal, project: LockedProject): void {
  if (!mayEditBenefits(actor.roles, project)) throw forbiddenEdit(project);
}

export function forbiddenEdit(project: BenefitProject): DomainError {
  return new DomainError(
    'FORBIDDEN',
    project.status === 'active'
      ? 'Only the project leader and members, the regionråd and admins change the benefits register; others read it.'
      : 'The project has ended: its benefits register is kept by the regionråd (and admins); the owners record measurements.',
  );
}

export function requireRecord(actor: Principal, project: LockedProject, b: BenefitRow): void {
  if (!mayRecordMeasurement(actor.roles, project, { ownerUserId: b.owner_id }, actor.userId)) {
    throw new DomainError(
      'FORBIDDEN',
      'Only the benefit’s owner, the project’s editors while it runs, the regionråd and admins record its measurements.',
    );
  }
}

export async function checkOwner(tx: SqlRunner, project: { id: string; regionId: string }, userId: string): Promise<void> {
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
export async function checkArea(tx: SqlRunner, projectId: string, area: string): Promise<string> {
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

export function checkIndicator(
  i: Pick<CreateIndicatorDto, 'startValue' | 'targetValue' | 'startDate' | 'targetDate'>,
  prefix: string,
): void {
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

export async function insertIndicator(tx: SqlRunner, benefitId: string, i: CreateIndicatorDto): Promise<string> {
  const row = await queryOneOrFail<{ id: string }>(
    tx,
    `INSERT INTO benefit_indicator (benefit_id, name, unit, start_value, start_date, target_value, target_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [benefitId, i.name, i.unit, i.startValue, i.startDate, i.targetValue, i.targetDate],
  );
  return row.id;
}

/** A measurement is dated from the indicator's start date up to today (Oslo), one per indicator and day. */
export async function checkMeasurementDate(tx: SqlRunner, ind: IndicatorRow, date: string, exceptId: string | null): Promise<void> {
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

export async function findBenefit(db: SqlRunner, projectId: string, benefitId: string, lock = false): Promise<BenefitRow> {
  const row = await queryOne<BenefitRow>(db, `${BENEFIT_SQL} WHERE b.id = $1 AND b.project_id = $2 ${lock ? 'FOR UPDATE OF b' : ''}`, [
    benefitId,
    projectId,
  ]);
  if (!row) throw notFound(benefitId);
  return row;
}

export async function findIndicator(db: SqlRunner, benefitId: string, indicatorId: string, lock = false): Promise<IndicatorRow> {
  const row = await queryOne<IndicatorRow>(db, `${INDICATOR_SQL} WHERE i.id = $1 AND i.benefit_id = $2 ${lock ? 'FOR UPDATE' : ''}`, [
    indicatorId,
    benefitId,
  ]);
  if (!row) throw new DomainError('BENEFIT_INDICATOR_NOT_FOUND', `The benefit has no indicator with id ${indicatorId}.`);
  return row;
}

export async function findMeasurement(db: SqlRunner, indicatorId: string, measurementId: string): Promise<MeasurementRow> {
  const row = await queryOne<MeasurementRow>(db, `${MEASUREMENT_SQL} WHERE m.id = $1 AND m.indicator_id = $2 FOR UPDATE OF m`, [
    measurementId,
    indicatorId,
  ]);
  if (!row) throw new DomainError('BENEFIT_MEASUREMENT_NOT_FOUND', `The indicator has no measurement with id ${measurementId}.`);
  return row;
}

export function notFound(benefitId: string): DomainError {
  return new DomainError('BENEFIT_NOT_FOUND', `The project has no benefit with id ${benefitId}.`);
}

export function indicatorValues(i: IndicatorRow) {
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
