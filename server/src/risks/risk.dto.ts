import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RISK_CHANGE_KINDS,
  RISK_LEVELS,
  RISK_STATUSES,
  RISK_STRATEGIES,
  type Lang,
  type RiskChangeKind,
  type RiskLevel,
  type RiskStatus,
  type RiskStrategy,
} from '@nvr/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Optional, RequiredText } from '../common/validation';

const QUARTER = /^\d{4}-Q[1-4]$/;
const LANGS = ['nb', 'nn', 'en'] as const;
export const RISK_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const TOP_RISKS_DEFAULT = 10;
export const TOP_RISKS_MAX = 50;

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });

/** Free text of the register (cause, consequence, measures): may be empty, trimmed. */
const LongText = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: 4000, description }),
    trim(),
    Optional(),
    IsString({ message: '$property must be text' }),
    MaxLength(4000, { message: '$property must be at most 4000 characters' }),
  );

const scaleRules = () => [
  IsInt({ message: '$property must be a whole number from 1 to 5' }),
  Min(1, { message: '$property must be from 1 to 5' }),
  Max(5, { message: '$property must be from 1 to 5' }),
];

/** A required score on the 1–5 scale. */
const Scale = (description: string) =>
  applyDecorators(ApiProperty({ type: Number, minimum: 1, maximum: 5, description, example: 3 }), ...scaleRules());

/** An optional score 1–5 (on update: left out keeps it). */
const OptionalScale = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: Number, minimum: 1, maximum: 5, description }), Optional(), ...scaleRules());

/** A score after measures 1–5, or null for none (clears it on update). */
const AfterScale = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      type: Number,
      minimum: 1,
      maximum: 5,
      nullable: true,
      description: `${description}; with the other score after measures, or both null (no assessment after measures)`,
    }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    ...scaleRules(),
  );

const Proximity = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      example: '2027-Q1',
      description: 'The calendar quarter the risk may occur in, YYYY-Qn; null when not judged',
    }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    IsString({ message: '$property must be a quarter written YYYY-Qn, e.g. 2027-Q1' }),
    Matches(QUARTER, { message: '$property must be a quarter written YYYY-Qn, e.g. 2027-Q1' }),
  );

export class CreateRiskDto {
  @RequiredText({ max: 2000, example: 'Kommunestyrene vedtar ikke finansieringen av hovedprosjektet i tide' })
  description: string;

  @LongText('What could make it happen')
  cause?: string;

  @LongText('What happens to the project if it does')
  consequence?: string;

  @Scale('Probability before measures, 1 (very low) to 5 (very high)')
  probabilityBefore: number;

  @Scale('Consequence before measures, 1 (very small) to 5 (very large)')
  consequenceBefore: number;

  @AfterScale('Probability after measures')
  probabilityAfter?: number | null;

  @AfterScale('Consequence after measures')
  consequenceAfter?: number | null;

  @LongText('What is done to avoid, reduce or transfer it')
  measures?: string;

  @ApiProperty({ enum: RISK_STRATEGIES })
  @oneOf(RISK_STRATEGIES)
  strategy: RiskStrategy;

  @ApiProperty({ format: 'uuid', description: 'The person who follows the risk up: someone with a role in the project or its region' })
  @IsUUID('all', { message: '$property must be a UUID' })
  ownerId: string;

  @Proximity()
  proximity?: string | null;

  @ApiPropertyOptional({ enum: RISK_STATUSES, default: 'open' })
  @Optional()
  @oneOf(RISK_STATUSES)
  status?: RiskStatus;
}

/** A change to a risk: fields left out keep their value; null clears the scores after measures and the proximity. */
export class UpdateRiskDto {
  @ApiPropertyOptional({ type: String, maxLength: 2000 })
  @trim()
  @Optional()
  @IsString({ message: '$property must be text' })
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(2000, { message: '$property must be at most 2000 characters' })
  description?: string;

  @LongText('What could make it happen')
  cause?: string;

  @LongText('What happens to the project if it does')
  consequence?: string;

  @OptionalScale('Probability before measures, 1–5')
  probabilityBefore?: number;

  @OptionalScale('Consequence before measures, 1–5')
  consequenceBefore?: number;

  @AfterScale('Probability after measures')
  probabilityAfter?: number | null;

  @AfterScale('Consequence after measures')
  consequenceAfter?: number | null;

  @LongText('What is done to avoid, reduce or transfer it')
  measures?: string;

  @ApiPropertyOptional({ enum: RISK_STRATEGIES })
  @Optional()
  @oneOf(RISK_STRATEGIES)
  strategy?: RiskStrategy;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  ownerId?: string;

  @Proximity()
  proximity?: string | null;

  @ApiPropertyOptional({ enum: RISK_STATUSES })
  @Optional()
  @oneOf(RISK_STATUSES)
  status?: RiskStatus;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class RiskExportQueryDto {
  @ApiPropertyOptional({ enum: RISK_EXPORT_FORMATS, default: 'csv' })
  @Optional()
  @oneOf(RISK_EXPORT_FORMATS)
  format?: (typeof RISK_EXPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGS, default: 'nb', description: 'The language of the headings and values' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class TopRisksQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: TOP_RISKS_MAX, default: TOP_RISKS_DEFAULT, description: 'How many risks' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: `$property must be from 1 to ${TOP_RISKS_MAX}` })
  @Max(TOP_RISKS_MAX, { message: `$property must be from 1 to ${TOP_RISKS_MAX}` })
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this region’s projects' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  regionId?: string;
}

export class RiskOwnerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

/** A risk as the register shows it, live or as frozen in a status report. */
export class RiskViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'R1, R2 … in the order the risks were added; a number a published report shows is never reused' })
  number: number;

  @ApiProperty()
  description: string;

  @ApiProperty()
  cause: string;

  @ApiProperty()
  consequence: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  probabilityBefore: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  consequenceBefore: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 })
  probabilityAfter: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 })
  consequenceAfter: number | null;

  @ApiProperty({ description: 'probability × consequence before measures, 1–25' })
  scoreBefore: number;

  @ApiProperty({ description: 'probability × consequence after measures (the scores before when none are given), 1–25' })
  scoreAfter: number;

  @ApiProperty({ enum: RISK_LEVELS })
  levelBefore: RiskLevel;

  @ApiProperty({ enum: RISK_LEVELS })
  levelAfter: RiskLevel;

  @ApiProperty()
  measures: string;

  @ApiProperty({ enum: RISK_STRATEGIES })
  strategy: RiskStrategy;

  @ApiProperty({ type: RiskOwnerDto, nullable: true, description: 'null when the owner’s account was deleted' })
  owner: RiskOwnerDto | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-Q1' })
  proximity: string | null;

  @ApiProperty({ enum: RISK_STATUSES })
  status: RiskStatus;
}

/** A risk of the live register. */
export class RiskDto extends RiskViewDto {
  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class RiskChangeDto {
  @ApiProperty({ enum: RISK_CHANGE_KINDS })
  kind: RiskChangeKind;

  @ApiProperty({ format: 'uuid' })
  riskId: string;

  @ApiProperty()
  number: number;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: Number, nullable: true, description: 'score_up/score_down: the score after measures before' })
  fromScore: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'score_up/score_down: the score after measures now' })
  toScore: number | null;
}

export class ReportRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-10' })
  period: string;
}

export const REPORT_RISK_SOURCES = ['frozen', 'live', 'none'] as const;

export class ReportRisksDto {
  @ApiProperty({ format: 'uuid' })
  reportId: string;

  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({
    enum: REPORT_RISK_SOURCES,
    description:
      'frozen: the register as it was when the report was published; live: a draft shows the register as it is now; none: published before the register was kept with reports',
  })
  source: (typeof REPORT_RISK_SOURCES)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  frozenAt: string | null;

  @ApiProperty({ type: [RiskViewDto] })
  risks: RiskViewDto[];

  @ApiProperty({
    type: ReportRefDto,
    nullable: true,
    description: 'The latest earlier published report whose register was kept; the changes are counted from it',
  })
  previous: ReportRefDto | null;

  @ApiProperty({ type: [RiskChangeDto], nullable: true, description: 'null when there is no earlier register to compare with' })
  changes: RiskChangeDto[] | null;
}

export class TopRiskDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  number: number;

  @ApiProperty()
  description: string;

  @ApiProperty()
  scoreAfter: number;

  @ApiProperty({ enum: RISK_LEVELS })
  levelAfter: RiskLevel;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Probability after measures (before, when none are given)' })
  probability: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'Consequence after measures (before, when none are given)' })
  consequence: number;

  @ApiProperty({ enum: RISK_STRATEGIES })
  strategy: RiskStrategy;

  @ApiProperty({ type: String, nullable: true })
  ownerName: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2027-Q1' })
  proximity: string | null;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectName: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;
}

export class TopRisksDto {
  @ApiProperty({ type: [TopRiskDto], description: 'Open risks of active projects, the highest score after measures first' })
  rows: TopRiskDto[];

  @ApiProperty({ description: 'Open risks in all the projects followed (not only those shown)' })
  totalOpen: number;
}
