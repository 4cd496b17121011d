import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COST_CATEGORIES,
  COST_SHARE_PROBLEM_CODES,
  COST_SPLIT_EXCLUSIONS,
  type CostShareProblemCode,
  type CostSplitExclusion,
  FINANCING_SOURCES,
  FINANCING_STATUSES,
  type PlanContent,
} from '@nvr/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { DecimalNumber, Optional, OptionalDate, OptionalText, Nested } from '../common/validation';
import { TemplateVersionDto } from '../templates/template.dto';
import { TextDto } from '../templates/template-text.dto';

export class UpdatePlanDto {
  @ApiProperty({
    type: Object,
    description: 'Answers by section key and field key; only the fields sent are changed',
    example: { goals: { main_goal: 'Etablere et samordnet næringsapparat' } },
  })
  @IsObject({ message: 'content must be an object of sections' })
  content: PlanContent;

  @ApiProperty({ description: 'The plan version you read (0 when the plan has not been saved yet)' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  version: number;
}

export class SaveSnapshotDto {
  @OptionalText({ max: 200, description: 'A label for this version, e.g. "Til styringsgruppen 12.03"' })
  label?: string;
}

export class BudgetLineDto {
  @ApiProperty({ enum: ['cost', 'financing'] })
  @IsIn(['cost', 'financing'], { message: '$property must be cost or financing' })
  kind: 'cost' | 'financing';

  @ApiProperty({
    enum: [...COST_CATEGORIES, ...FINANCING_SOURCES.filter((s) => s !== 'own_work')],
    description: 'Cost category, or financing source for financing lines',
  })
  @IsIn([...new Set([...COST_CATEGORIES, ...FINANCING_SOURCES])], { message: '$property must be a cost category or financing source' })
  category: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: '$property must be a year' })
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ maxLength: 300, type: String, description: 'May be empty' })
  @Optional()
  @IsString()
  @MaxLength(300)
  description?: string;

  @ApiProperty({ description: 'Whole kroner (for own work: computed from hours × rate)', example: 250000 })
  @IsInt({ message: '$property must be whole kroner' })
  @Min(0, { message: '$property must not be negative' })
  @Max(1_000_000_000)
  amount: number;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Own work: hours' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @DecimalNumber(1, '$property must be a number of hours with at most one decimal')
  @Min(0)
  @Max(1_000_000)
  hours?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Own work: kroner per hour' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt({ message: '$property must be whole kroner per hour' })
  @Min(0)
  @Max(100_000)
  rate?: number | null;

  @ApiPropertyOptional({ enum: FINANCING_STATUSES, nullable: true, description: 'Financing: applied for or granted' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIn(FINANCING_STATUSES, { message: '$property must be applied or granted' })
  status?: 'applied' | 'granted' | null;
}

export class SaveBudgetDto {
  @ApiProperty({ type: [BudgetLineDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @Nested(() => BudgetLineDto, { each: true })
  lines: BudgetLineDto[];

  @ApiProperty({ description: 'The plan version you read (0 when the plan has not been saved yet)' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  version: number;
}

/**
 * A whole number from `min` to `max`, with one message: "must be a whole number" for anything that is
 * not (e.g. the string "50" or 12.5), else the range.
 */
function WholeNumberFrom(min: number, max: number) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'wholeNumberFrom',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: (args) =>
          Number.isInteger(args?.value) ? `$property must be from ${min} to ${max}` : '$property must be a whole number',
      },
    });
}

export class CostSharingSettingsDto {
  @ApiProperty({
    description: 'Share split equally, in whole per cent (0–100); the rest by population',
    example: 50,
    minimum: 0,
    maximum: 100,
  })
  @WholeNumberFrom(0, 100)
  equalPercent: number;

  @OptionalDate({
    nullable: true,
    description:
      'The date of the split: the parties are the project’s kommuner that were members of the region on it and existed then, ' +
      'under the numbers and names valid then, each with its figure of 1 January of that year (else its newest on or before the date). ' +
      'Null, "" or left out: every participating kommune with its newest figure. Refused with 422 when some share goes by population ' +
      'and a party has no figure on or before the date (COST_SHARING_NO_POPULATION), or when no kommune was a party then (COST_SHARING_NO_PARTIES).',
  })
  @Transform(({ value }: { value: unknown }) => (value === '' ? null : value))
  populationDate?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    minimum: 2000,
    maximum: 2100,
    description:
      'The budget year whose kommuner contribution is shared; null or left out: all years. ' +
      'Refused with 422 when the budget has no kommuner direct contribution that year.',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @WholeNumberFrom(2000, 2100)
  year?: number | null;
}

export class SaveCostSharingDto extends CostSharingSettingsDto {
  @ApiProperty()
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  version: number;
}

export class BudgetLineResponseDto extends BudgetLineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class BudgetYearDto {
  @ApiProperty() year: number;
  @ApiProperty() costs: number;
  @ApiProperty() financing: number;
  @ApiProperty() difference: number;
}

export class BudgetTotalsDto {
  @ApiProperty({ type: [BudgetYearDto] }) byYear: BudgetYearDto[];
  @ApiProperty() costs: number;
  @ApiProperty() financing: number;
  @ApiProperty({ description: 'Costs minus financing' }) difference: number;
  @ApiProperty() balanced: boolean;
  @ApiProperty() empty: boolean;
}

export class BudgetDto {
  @ApiProperty({ type: [BudgetLineResponseDto] }) lines: BudgetLineResponseDto[];
  @ApiProperty({ type: BudgetTotalsDto }) totals: BudgetTotalsDto;
}

export class CostSharingProblemParamsDto {
  @ApiPropertyOptional({ type: [String], description: 'COST_SHARING_NO_POPULATION: the kommuner without a usable figure' })
  kommuner?: string[];

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'COST_SHARING_NO_POPULATION, COST_SHARING_NO_KOMMUNER: the population date (null: newest / no date)',
  })
  populationDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'COST_SHARING_NO_CONTRIBUTION: the budget year (null: all years)' })
  year?: number | null;
}

export class CostSharingProblemDto {
  @ApiProperty({
    enum: COST_SHARE_PROBLEM_CODES,
    enumName: 'CostSharingProblemCode',
    description:
      'COST_SHARING_NO_KOMMUNER: the project has no kommuner; COST_SHARING_NO_POPULATION: kommuner lack a figure on or before the date; ' +
      'COST_SHARING_NO_CONTRIBUTION: the budget has no kommuner direct contribution (in the year)',
  })
  code: CostShareProblemCode;

  @ApiProperty({ type: CostSharingProblemParamsDto })
  params: CostSharingProblemParamsDto;
}

export class CostShareRowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name valid on the population date (names, for a kommune merged later); today’s without a date' })
  name: string;
  @ApiProperty({ type: [String], description: 'The kommune numbers valid on the population date (several for a kommune merged later)' })
  numbers: string[];
  @ApiProperty({ description: 'Today’s name of the kommune' }) currentName: string;
  @ApiProperty() population: number;
  @ApiProperty({ format: 'date', nullable: true, type: String }) populationAsOf: string | null;
  @ApiProperty() equalPart: number;
  @ApiProperty() populationPart: number;
  @ApiProperty() amount: number;
}

export class CostSplitExcludedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Today’s name' }) name: string;
  @ApiProperty({
    enum: COST_SPLIT_EXCLUSIONS,
    enumName: 'CostSplitExclusion',
    description: 'not_member: not a member of the region on the population date; did_not_exist: the kommune did not exist then',
  })
  reason: CostSplitExclusion;
}

export class CostSharingDto {
  @ApiProperty({ type: CostSharingSettingsDto }) settings: CostSharingSettingsDto;
  @ApiProperty({
    type: [CostSplitExcludedDto],
    description: 'The project’s kommuner that are not parties on the population date (always empty without a date)',
  })
  excluded: CostSplitExcludedDto[];
  @ApiProperty({ description: 'The kommuner’s direct contribution being shared' }) total: number;
  @ApiProperty({ type: [CostShareRowDto] }) rows: CostShareRowDto[];
  @ApiProperty() totalPopulation: number;
  @ApiProperty() equalTotal: number;
  @ApiProperty() populationTotal: number;
  @ApiProperty({
    nullable: true,
    type: () => CostSharingProblemDto,
    description: 'Why the table cannot be made (then `rows` is empty), as a code with parameters to put into words; null when it can',
  })
  reason: CostSharingProblemDto | null;
}

export class MissingFieldDto {
  @ApiProperty() section: string;
  @ApiProperty({ type: TextDto }) sectionTitle: TextDto;
  @ApiProperty() field: string;
  @ApiProperty({ type: TextDto }) label: TextDto;
}

export class CompletenessDto {
  @ApiProperty() complete: boolean;
  @ApiProperty() filled: number;
  @ApiProperty() required: number;
  @ApiProperty({ type: [MissingFieldDto] }) missing: MissingFieldDto[];
}

export class SnapshotSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['approved', 'saved', 'submitted'] }) reason: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() templateVersion: number;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: ['forstudie', 'forprosjekt', 'hovedprosjekt'] }) phaseKey: string;
  @ApiProperty({ description: '0 until the plan is first saved' }) version: number;
  @ApiProperty({ type: TemplateVersionDto }) template: TemplateVersionDto;
  @ApiProperty({ type: Object }) content: PlanContent;
  @ApiProperty({ type: CompletenessDto }) completeness: CompletenessDto;
  @ApiProperty({ type: BudgetDto }) budget: BudgetDto;
  @ApiProperty({ type: CostSharingDto }) costSharing: CostSharingDto;
  @ApiProperty({ type: [SnapshotSummaryDto], description: 'Saved and approved versions, newest first' }) snapshots: SnapshotSummaryDto[];
  @ApiProperty({
    description:
      'Whether the plan has changed since its newest version (snapshots[0]) was kept; false when it has none. ' +
      '`version` is the revision counter for concurrent edits, not a version number people see.',
  })
  changedSinceVersion: boolean;
  @ApiProperty({ description: 'Whether you may edit it now' }) editable: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
  @ApiProperty({
    description:
      'Kroner per hour a new own-work (egeninnsats) budget line starts with (OWN_WORK_HOURLY_RATE); each line’s rate stays editable',
    example: 500,
  })
  ownWorkHourlyRate: number;
}

export class SnapshotDto extends SnapshotSummaryDto {
  @ApiProperty({ type: Object }) content: PlanContent;
  @ApiProperty({ type: BudgetDto }) budget: BudgetDto;
  @ApiProperty({ type: TemplateVersionDto }) template: TemplateVersionDto;
}

export class PlanChangeDto {
  @ApiProperty() section: string;
  @ApiProperty({ type: TextDto }) sectionTitle: TextDto;
  @ApiProperty() field: string;
  @ApiProperty({ type: TextDto }) label: TextDto;
  @ApiProperty({ nullable: true, type: Object }) before: unknown;
  @ApiProperty({ nullable: true, type: Object }) after: unknown;
}

export class PlanComparisonDto {
  @ApiProperty({ description: 'Snapshot number, or "current"' }) from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [PlanChangeDto] }) changes: PlanChangeDto[];
  @ApiProperty({ type: BudgetTotalsDto }) budgetBefore: BudgetTotalsDto;
  @ApiProperty({ type: BudgetTotalsDto }) budgetAfter: BudgetTotalsDto;
}

export class CompareQueryDto {
  @ApiProperty({ description: 'Snapshot number or "current"', example: '1' })
  @IsString()
  @MaxLength(10)
  from: string;

  @ApiProperty({ description: 'Snapshot number or "current"', example: 'current' })
  @IsString()
  @MaxLength(10)
  to: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: ['docx', 'pdf'], default: 'pdf' })
  @Optional()
  @IsIn(['docx', 'pdf'], { message: '$property must be docx or pdf' })
  format?: 'docx' | 'pdf';

  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], default: 'nb' })
  @Optional()
  @IsIn(['nb', 'nn', 'en'], { message: '$property must be nb, nn or en' })
  lang?: 'nb' | 'nn' | 'en';
}
