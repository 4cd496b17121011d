import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BENEFIT_TRENDS, type BenefitTrend, type Lang } from '@nvr/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DecimalNumber, IsIsoDate, Nested, Optional, OptionalText, RequiredDate, RequiredText } from '../common/validation';

const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });
const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** The largest value an indicator or measurement holds (numeric(16,4)). */
export const MAX_BENEFIT_VALUE = 999_999_999_999;
const LANGS = ['nb', 'nn', 'en'] as const;
export const BENEFIT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const BENEFIT_REPORT_FORMATS = ['pdf', 'docx'] as const;

/** A value of an indicator or a measurement: a number with at most four decimals, within ±999 999 999 999. */
const Value = (options: { required: boolean; example: number; description: string }) =>
  applyDecorators(
    (options.required ? ApiProperty : ApiPropertyOptional)({
      type: Number,
      example: options.example,
      description: options.description,
      minimum: -MAX_BENEFIT_VALUE,
      maximum: MAX_BENEFIT_VALUE,
    }),
    ...(options.required ? [] : [Optional()]),
    DecimalNumber(4, '$property must be a number with at most 4 decimals'),
    Min(-MAX_BENEFIT_VALUE, { message: `$property must be at least -${MAX_BENEFIT_VALUE}` }),
    Max(MAX_BENEFIT_VALUE, { message: `$property must be at most ${MAX_BENEFIT_VALUE}` }),
  );

/** Free text that may be empty (a description, a comment), trimmed. */
const FreeText = (max: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: max, description }),
    trim(),
    Optional(),
    IsString({ message: '$property must be text' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );

const Version = () =>
  applyDecorators(
    ApiProperty({ example: 1, description: 'The version the change was made from; 409 VERSION_CONFLICT if someone saved in between' }),
    IsInt({ message: '$property must be a whole number' }),
    Min(1),
  );

const BenefitArea = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 500,
      example: 'Effektive, fleksible og tilrettelagte vertskapstjenester for næringsutvikling',
      description: 'One of the benefit areas (gevinstområder) of the project’s plans, as written there; null: the benefit stands alone',
    }),
    trim(),
    ValidateIf((_, v) => v !== null && v !== undefined),
    IsString({ message: '$property must be text' }),
    IsNotEmpty({ message: '$property must not be empty; send null for a benefit of no benefit area' }),
    MaxLength(500, { message: '$property must be at most 500 characters' }),
  );

const Owner = (required: boolean) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      format: 'uuid',
      description: 'The person who answers for the benefit (a person of the project or its region); see GET …/benefits/owners',
    }),
    ...(required ? [] : [Optional()]),
    IsUUID('all', { message: '$property must be a UUID' }),
  );

// ---------------------------------------------------------------------------------------------------
// Input

export class CreateIndicatorDto {
  @RequiredText({ max: 300, example: 'Andel solgte næringstomter' })
  name: string;

  @RequiredText({ max: 50, example: '%', description: 'What the values count: %, dager, antall, poeng (1–6) …' })
  unit: string;

  @Value({ required: true, example: 20, description: 'The value on the start date' })
  startValue: number;

  @RequiredDate({ example: '2012-01-01' })
  startDate: string;

  @Value({ required: true, example: 60, description: 'The value aimed at by the target date (lower than the start for a decrease)' })
  targetValue: number;

  @RequiredDate({ example: '2016-12-31', description: 'After the start date' })
  targetDate: string;
}

export class UpdateIndicatorDto {
  @OptionalText({ max: 300 })
  name?: string;

  @OptionalText({ max: 50 })
  unit?: string;

  @Value({ required: false, example: 20, description: 'The value on the start date' })
  startValue?: number;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  startDate?: string;

  @Value({ required: false, example: 60, description: 'The value aimed at by the target date' })
  targetValue?: number;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  targetDate?: string;

  @ApiPropertyOptional({ description: 'true: no longer followed up (and no longer reminded of); false: open again' })
  @Optional()
  @IsBoolean({ message: '$property must be true or false' })
  closed?: boolean;

  @Version()
  version: number;
}

export class CreateBenefitDto {
  @RequiredText({ max: 500, example: 'Raskere behandling av byggesaker for næringslivet' })
  title: string;

  @FreeText(4000, 'What the benefit is and for whom')
  description?: string;

  @BenefitArea()
  benefitArea?: string | null;

  @Owner(true)
  ownerUserId: string;

  @ApiPropertyOptional({ type: [CreateIndicatorDto], description: 'Indicators to add with the benefit (more can be added later)' })
  @Optional()
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(10, { message: '$property may have at most 10 indicators' })
  @Nested(() => CreateIndicatorDto, { each: true })
  indicators?: CreateIndicatorDto[];
}

export class UpdateBenefitDto {
  @OptionalText({ max: 500 })
  title?: string;

  @FreeText(4000, 'What the benefit is and for whom')
  description?: string;

  @BenefitArea()
  benefitArea?: string | null;

  @Owner(false)
  ownerUserId?: string;

  @Version()
  version: number;
}

export class CreateMeasurementDto {
  @RequiredDate({ example: '2014-12-31', description: 'From the indicator’s start date up to today' })
  measuredOn: string;

  @Value({ required: true, example: 45, description: 'The value measured, in the indicator’s unit' })
  value: number;

  @FreeText(2000, 'Where the figure comes from, or what explains it')
  comment?: string;
}

export class UpdateMeasurementDto {
  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  measuredOn?: string;

  @Value({ required: false, example: 45, description: 'The value measured' })
  value?: number;

  @FreeText(2000, 'Where the figure comes from, or what explains it')
  comment?: string;

  @Version()
  version: number;
}

export class BenefitExportQueryDto {
  @ApiPropertyOptional({ enum: BENEFIT_EXPORT_FORMATS, default: 'csv' })
  @Optional()
  @oneOf(BENEFIT_EXPORT_FORMATS)
  format?: (typeof BENEFIT_EXPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGS, default: 'nb', description: 'The language of the headings and values' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class BenefitReportQueryDto {
  @ApiPropertyOptional({ enum: BENEFIT_REPORT_FORMATS, default: 'pdf' })
  @Optional()
  @oneOf(BENEFIT_REPORT_FORMATS)
  format?: (typeof BENEFIT_REPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGS, default: 'nb', description: 'The language of the report' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

// ---------------------------------------------------------------------------------------------------
// Output

export class BenefitPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date' })
  measuredOn: string;

  @ApiProperty()
  value: number;

  @ApiProperty()
  comment: string;

  @ApiProperty({ type: BenefitPersonDto, nullable: true, description: 'Who recorded it; null when the account is gone' })
  recordedBy: BenefitPersonDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: string;

  @ApiProperty()
  version: number;
}

export class MeasurementPointDto {
  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty()
  value: number;
}

export class IndicatorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  unit: string;

  @ApiProperty()
  startValue: number;

  @ApiProperty({ type: String, format: 'date' })
  startDate: string;

  @ApiProperty()
  targetValue: number;

  @ApiProperty({ type: String, format: 'date' })
  targetDate: string;

  @ApiProperty({ description: 'No longer followed up' })
  closed: boolean;

  @ApiProperty({ enum: BENEFIT_TRENDS, description: 'The latest measurement against the target (shared indicatorTrend)' })
  trend: BenefitTrend;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of the way from start to target the latest measurement has come (0 at start, 1 at target); null when none',
  })
  share: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share of the time from start date to target date passed on the latest measurement’s date (0–1); null when none',
  })
  expected: number | null;

  @ApiProperty({ type: MeasurementPointDto, nullable: true })
  latest: MeasurementPointDto | null;

  @ApiProperty({ type: [MeasurementDto], description: 'Oldest first' })
  measurements: MeasurementDto[];

  @ApiProperty()
  version: number;
}

export class BenefitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ description: 'Shown as G1, G2 …' })
  number: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true, description: 'The plan’s benefit area it serves; null when it stands alone' })
  benefitArea: string | null;

  @ApiProperty({ description: 'false when the benefit area is no longer among the plans’ benefit areas (renamed or removed there)' })
  benefitAreaInPlan: boolean;

  @ApiProperty({ type: BenefitPersonDto, nullable: true })
  owner: BenefitPersonDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the project’s end handed it to its owner' })
  handedOverAt: string | null;

  @ApiProperty({ enum: BENEFIT_TRENDS, description: 'From its open indicators (shared benefitTrend)' })
  trend: BenefitTrend;

  @ApiProperty({ description: 'Whether the reader may record measurements of it' })
  mayRecord: boolean;

  @ApiProperty({ type: [IndicatorDto] })
  indicators: IndicatorDto[];

  @ApiProperty()
  version: number;
}

export class BenefitRegisterDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectName: string;

  @ApiProperty({ enum: ['active', 'completed', 'stopped'] })
  projectStatus: string;

  @ApiProperty({ description: 'Whether the reader may add, change and delete benefits and indicators (shared mayEditBenefits)' })
  mayEdit: boolean;

  @ApiProperty({ type: [String], description: 'The benefit areas (gevinstområder) of the project’s plans, in plan order' })
  areas: string[];

  @ApiProperty({ type: [BenefitDto], description: 'In number order' })
  benefits: BenefitDto[];
}

export class RegionBenefitProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['active', 'completed', 'stopped'] })
  status: string;

  @ApiProperty({ type: [BenefitDto] })
  benefits: BenefitDto[];
}

export class TrendCountsDto {
  @ApiProperty()
  no_measurement: number;

  @ApiProperty()
  on_track: number;

  @ApiProperty()
  behind: number;

  @ApiProperty()
  reached: number;
}

export class RegionBenefitsDto {
  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ type: TrendCountsDto, description: 'How many benefits have each trend, over all the projects shown' })
  trends: TrendCountsDto;

  @ApiProperty({
    type: [RegionBenefitProjectDto],
    description: 'The region’s projects the reader may see that have benefits; newest first',
  })
  projects: RegionBenefitProjectDto[];
}
