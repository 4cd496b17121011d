import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATES, STATUS_COLOURS, type ReportState, type StatusColour } from '@nvr/shared';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PersonDto } from '../common/person.dto';
import { Optional, Nested } from '../common/validation';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Whole kroner; a trillion is far beyond any regional project. */
const MAX_KRONER = 1_000_000_000_000;

/** A colour, or null to clear it. */
const Colour = () =>
  applyDecorators(
    ApiPropertyOptional({ enum: STATUS_COLOURS, nullable: true, type: String }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    IsIn(STATUS_COLOURS, { message: `$property must be one of: ${STATUS_COLOURS.join(', ')}` }),
  );

/** A comment; may be empty. */
const Comment = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: 4000, nullable: true, description: 'null or left out: unchanged' }),
    Optional({ nullMeansUnchanged: true }),
    IsString({ message: '$property must be text' }),
    MaxLength(4000, { message: '$property must be at most 4000 characters' }),
  );

/** An amount in whole kroner, or null. */
const Kroner = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description, example: 2500000 }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    IsInt({ message: '$property must be a whole number of kroner' }),
    Min(0, { message: '$property must not be negative' }),
    Max(MAX_KRONER, { message: `$property must be at most ${MAX_KRONER}` }),
  );

export class AspectInputDto {
  @Colour()
  colour?: StatusColour | null;

  @Comment()
  comment?: string;
}

export class EconomyInputDto extends AspectInputDto {
  @Kroner('The approved budget, whole kroner')
  budgetTotal?: number | null;

  @Kroner('Spent so far, whole kroner')
  spentToDate?: number | null;

  @Kroner('Expected total cost at the end, whole kroner')
  forecast?: number | null;
}

export class CreateStatusReportDto {
  @ApiPropertyOptional({
    example: '2026-10',
    description: 'The month reported on (YYYY-MM). Default: the month after the latest report, or last month',
  })
  @Optional()
  @IsString()
  @Matches(PERIOD, { message: '$property must be a month written YYYY-MM, e.g. 2026-10' })
  period?: string;
}

export class UpdateStatusReportDto {
  @ApiPropertyOptional({ example: '2026-10' })
  @Optional()
  @IsString()
  @Matches(PERIOD, { message: '$property must be a month written YYYY-MM, e.g. 2026-10' })
  period?: string;

  @ApiPropertyOptional({ type: AspectInputDto })
  @Optional({ nullMeansUnchanged: true })
  @Nested(() => AspectInputDto)
  overall?: AspectInputDto;

  @ApiPropertyOptional({ type: AspectInputDto })
  @Optional({ nullMeansUnchanged: true })
  @Nested(() => AspectInputDto)
  progress?: AspectInputDto;

  @ApiPropertyOptional({ type: EconomyInputDto })
  @Optional({ nullMeansUnchanged: true })
  @Nested(() => EconomyInputDto)
  economy?: EconomyInputDto;

  @ApiPropertyOptional({ type: AspectInputDto })
  @Optional({ nullMeansUnchanged: true })
  @Nested(() => AspectInputDto)
  risk?: AspectInputDto;

  @ApiPropertyOptional({ type: String, maxLength: 8000 })
  @Optional({ nullMeansUnchanged: true })
  @IsString({ message: '$property must be text' })
  @MaxLength(8000, { message: '$property must be at most 8000 characters' })
  nextSteps?: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class PublishStatusReportDto {
  @ApiProperty({ example: 2, description: 'The version you reviewed; publishing a newer one answers 409' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class AspectDto {
  @ApiProperty({ enum: STATUS_COLOURS, nullable: true, type: String })
  colour: StatusColour | null;

  @ApiProperty()
  comment: string;
}

export class EconomyDto extends AspectDto {
  @ApiProperty({ nullable: true, type: Number })
  budgetTotal: number | null;

  @ApiProperty({ nullable: true, type: Number })
  spentToDate: number | null;

  @ApiProperty({ nullable: true, type: Number })
  forecast: number | null;
}

export class ReportColoursDto {
  @ApiProperty({ enum: STATUS_COLOURS, nullable: true, type: String }) overall: StatusColour | null;
  @ApiProperty({ enum: STATUS_COLOURS, nullable: true, type: String }) progress: StatusColour | null;
  @ApiProperty({ enum: STATUS_COLOURS, nullable: true, type: String }) economy: StatusColour | null;
  @ApiProperty({ enum: STATUS_COLOURS, nullable: true, type: String }) risk: StatusColour | null;
}

export class StatusReportSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: '2026-10' })
  period: string;

  @ApiProperty({ enum: REPORT_STATES })
  state: ReportState;

  @ApiProperty({ type: ReportColoursDto })
  colours: ReportColoursDto;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class StatusReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: '2026-10' })
  period: string;

  @ApiProperty({ enum: REPORT_STATES })
  state: ReportState;

  @ApiProperty({ type: AspectDto })
  overall: AspectDto;

  @ApiProperty({ type: AspectDto })
  progress: AspectDto;

  @ApiProperty({ type: EconomyDto })
  economy: EconomyDto;

  @ApiProperty({ type: AspectDto })
  risk: AspectDto;

  @ApiProperty()
  nextSteps: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The report this one started from' })
  copiedFromId: string | null;

  @ApiProperty({ type: PersonDto, nullable: true })
  createdBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: PersonDto, nullable: true })
  publishedBy: PersonDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  publishedAt: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'You may change and publish it (a draft, and you lead the project)' })
  editable: boolean;

  @ApiProperty({ type: [String], description: 'What must be filled in before it can be published' })
  problems: string[];
}
