import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DELIVERABLE_STATES,
  isIsoDate,
  todayInOslo,
  PHASE_KEYS,
  PHASE_STATES,
  PROJECT_STATUSES,
  type DeliverableState,
  type NextActionKind,
  type PhaseKey,
  type PhaseState,
  type ProjectStatus,
} from '@nvr/shared';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsUUID, Min, registerDecorator, ValidateIf } from 'class-validator';
import { OptionalDate, OptionalText, RequiredText, ValidateUUID, Optional, Nested } from '../common/validation';
import { PersonDto } from '../common/person.dto';
import { HistoryEventDto } from '../history/history.service';

/** The earliest actual start a phase may be given: older projects are not recorded in the product. */
export const EARLIEST_PHASE_START = '2000-01-01';

/**
 * An optional actual start of a phase already under way: a real date, not in the future (Norwegian
 * time) and not before EARLIEST_PHASE_START. Anything else answers 400 naming the field.
 */
function OptionalStartDate(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-01', description }),
    Optional(),
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isPastStartDate',
        target: object.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown) =>
            typeof value === 'string' && isIsoDate(value) && value >= EARLIEST_PHASE_START && value <= todayInOslo(),
          defaultMessage: (args) => {
            const value: unknown = args?.value;
            if (typeof value !== 'string' || !isIsoDate(value)) return '$property must be a real date written YYYY-MM-DD';
            if (value < EARLIEST_PHASE_START) return `$property must not be before ${EARLIEST_PHASE_START}`;
            return `$property must not be in the future (today is ${todayInOslo()})`;
          },
        },
      }),
  );
}

export class PlannedPeriodDto {
  @OptionalDate({ example: '2026-01-05', nullable: true })
  plannedStart?: string | null;

  @OptionalDate({ example: '2026-09-30', nullable: true })
  plannedEnd?: string | null;
}

export class CreateProjectDto {
  @ValidateUUID({ description: 'The region that owns the project (its regionråd is the project owner)' })
  regionId: string;

  @RequiredText({ max: 200, example: 'Næringsvennlig Kongsbergregion' })
  name: string;

  @OptionalText({ max: 4000, nullable: true })
  description?: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Participating kommuner: current members of the region' })
  @IsArray()
  @ArrayMinSize(1, { message: 'kommuneIds must name at least one participating kommune' })
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'kommuneIds must not repeat a kommune' })
  @IsUUID('all', { each: true, message: 'each of kommuneIds must be a UUID' })
  kommuneIds: string[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The project leader (gets the project_leader role)' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  leaderUserId?: string | null;

  @ApiPropertyOptional({ type: PlannedPeriodDto, description: 'Planned period of the forstudie, which starts now' })
  @Optional()
  @Nested(() => PlannedPeriodDto)
  forstudie?: PlannedPeriodDto;

  @OptionalStartDate(
    `When the forstudie actually started, for one already under way: not in the future, not before ${EARLIEST_PHASE_START}. Leave it out for today.`,
  )
  forstudieStartedOn?: string;
}

export class UpdateProjectDto {
  @OptionalText({ max: 200 })
  name?: string;

  @OptionalText({ max: 4000, nullable: true })
  description?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { message: 'kommuneIds must name at least one participating kommune' })
  @ArrayUnique({ message: 'kommuneIds must not repeat a kommune' })
  @IsUUID('all', { each: true, message: 'each of kommuneIds must be a UUID' })
  kommuneIds?: string[];

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class SetTeamDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: '$property must be a UUID' })
  leaderUserId: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The project group (project_member role)' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each of memberUserIds must be a UUID' })
  memberUserIds: string[];
}

export class UpdatePhaseDto extends PlannedPeriodDto {
  @OptionalStartDate(
    'The actual start of the phase in progress, e.g. for one already under way: not in the future, not before the previous phase ended, not after anything already recorded in the phase. Leave it out to keep it.',
  )
  actualStart?: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class ProjectKommuneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '3303' })
  number: string;

  @ApiProperty()
  name: string;
}

export class DeliverableSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String, description: 'Catalogue key (shared/src/plp.ts); null for the project’s own' })
  key: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  required: boolean;

  @ApiProperty({ enum: DELIVERABLE_STATES })
  state: DeliverableState;

  @ApiProperty({ type: PersonDto, nullable: true })
  owner: PersonDto | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  dueDate: string | null;

  @ApiProperty()
  fileCount: number;

  @ApiProperty()
  version: number;
}

export class DurationDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Months from actual start to end (or today)' })
  months: number | null;

  @ApiProperty({ enum: ['unknown', 'within', 'short', 'long', 'no_recommendation'] })
  status: string;
}

export class ReadinessItemDto {
  @ApiProperty({ enum: ['deliverable', 'next_phase_plan', 'checkpoint', 'duration', 'budget', 'condition'] })
  kind: string;

  @ApiProperty()
  key: string;

  @ApiProperty({ enum: ['ok', 'missing', 'warning'] })
  status: string;

  @ApiProperty()
  blocking: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  deliverableId?: string;

  @ApiPropertyOptional({ type: Object })
  params?: Record<string, string | number | null>;
}

export class ReadinessDto {
  @ApiProperty()
  ready: boolean;

  @ApiProperty({ type: [ReadinessItemDto] })
  items: ReadinessItemDto[];
}

export class PhaseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PHASE_KEYS })
  key: PhaseKey;

  @ApiProperty()
  position: number;

  @ApiProperty({ enum: PHASE_STATES })
  state: PhaseState;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  plannedStart: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  plannedEnd: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  actualStart: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  actualEnd: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: DurationDto })
  duration: DurationDto;

  @ApiProperty({ type: [DeliverableSummaryDto] })
  deliverables: DeliverableSummaryDto[];

  @ApiProperty({ type: ReadinessDto, nullable: true, description: 'Only for the phase in progress' })
  readiness: ReadinessDto | null;
}

export class NextActionDto {
  @ApiProperty({
    enum: [
      'write_deliverable',
      'revise_deliverable',
      'revise_plan',
      'revise_budget',
      'meet_condition',
      'review_deliverable',
      'tick_checkpoint',
      'plan_next_budget',
      'submit_for_decision',
      'await_decision',
      'decide_gate',
      'follow',
      'project_closed',
    ],
  })
  kind: NextActionKind;

  @ApiPropertyOptional({ enum: PHASE_KEYS })
  phaseKey?: PhaseKey;

  @ApiPropertyOptional({ format: 'uuid' })
  deliverableId?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  key?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'What must be done: the decision text of a send-back, or the condition',
  })
  task?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  conditionId?: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' })
  dueDate?: string | null;
}

export class ProjectPermissionsDto {
  @ApiProperty() edit: boolean;
  @ApiProperty() submit: boolean;
  @ApiProperty() decide: boolean;
  @ApiProperty() comment: boolean;
  @ApiProperty({ description: 'Change name, kommuner and team (regionråd, admin)' }) manage: boolean;
}

export class ProjectSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;

  @ApiProperty({ enum: PHASE_KEYS, nullable: true })
  currentPhaseKey: PhaseKey | null;

  @ApiProperty({ enum: PHASE_STATES, nullable: true })
  currentPhaseState: PhaseState | null;

  @ApiProperty({ type: PersonDto, nullable: true })
  leader: PersonDto | null;
}

export class ProjectDto extends ProjectSummaryDto {
  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty()
  councilName: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [ProjectKommuneDto] })
  kommuner: ProjectKommuneDto[];

  @ApiProperty({ type: [PersonDto] })
  members: PersonDto[];

  @ApiProperty({ type: [PhaseDto] })
  phases: PhaseDto[];

  @ApiProperty({ type: [NextActionDto], description: 'What the signed-in person should do next' })
  nextActions: NextActionDto[];

  @ApiProperty({ type: ProjectPermissionsDto })
  permissions: ProjectPermissionsDto;
}

/**
 * Everything a project's page shows, in one answer: what GET /api/projects/{id}, its history, and (for
 * those who manage the project) the people directory and the region's members would answer.
 */
export class ProjectPageDto {
  @ApiProperty({ type: ProjectDto, description: 'The project, as GET /api/projects/{id} answers it' })
  project: ProjectDto;

  @ApiProperty({
    type: [HistoryEventDto],
    description: 'Every change to the project, newest first (at most 500), as GET /api/projects/{id}/history answers it',
  })
  history: HistoryEventDto[];

  @ApiProperty({
    type: [PersonDto],
    nullable: true,
    description:
      'For those who manage the project (permissions.manage: regionråd, admin), the people to choose its team from, as GET /api/users/directory answers it; null for everyone else',
  })
  people: PersonDto[] | null;

  @ApiProperty({
    type: [ProjectKommuneDto],
    nullable: true,
    description:
      'For those who manage the project, the region’s current member kommuner (by name), to choose the participating kommuner from; null for everyone else',
  })
  regionKommuner: ProjectKommuneDto[] | null;
}
