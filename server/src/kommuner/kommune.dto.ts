import { applyDecorators, Param, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COUNTY_NAMES,
  isIsoDate,
  isPopulationDate,
  KOMMUNE_NUMBER_PATTERN,
  POPULATION_ACTIONS,
  POPULATION_EARLIEST_DATE,
  populationDateRange,
  type PopulationAction,
} from '@nvr/shared';
import { IsIn, IsInt, IsString, Matches, MaxLength, Min, registerDecorator } from 'class-validator';
import { DomainError } from '../common/domain-error';
import { Optional, OptionalText, RequiredText, Nested } from '../common/validation';
import type { Kommune, KommunePopulation } from './kommune.entity';

const countyRule = () => IsIn(COUNTY_NAMES as string[], { message: `$property must be one of: ${COUNTY_NAMES.join(', ')}` });

export class PopulationDto {
  @ApiProperty({ example: 27_839, minimum: 0, maximum: 10_000_000 })
  @PopulationCount()
  count: number;

  @PopulationDate()
  asOf: string;
}

/** A whole number of inhabitants; one message each: not a whole number ("5", 1.5), negative, or too large. */
function PopulationCount() {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPopulationCount',
      target: object.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10_000_000,
        defaultMessage: (args) => {
          if (!Number.isInteger(args?.value)) return '$property must be a whole number';
          return (args?.value as number) < 0 ? '$property must not be negative' : '$property is larger than any kommune';
        },
      },
    });
}

/**
 * The date of a population figure: a real date from 1900-01-01 to 31 December of next year
 * (Norwegian time), so a typo like 2099 cannot become the kommune's newest figure.
 */
function PopulationDate() {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'date',
      example: '2024-01-01',
      description: `The date the figure is for (SSB counts as of 1 January); from ${POPULATION_EARLIEST_DATE} to 31 December of next year.`,
    }),
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isPopulationDate',
        target: object.constructor,
        propertyName: String(propertyName),
        validator: {
          validate: (value: unknown) => typeof value === 'string' && isPopulationDate(value),
          defaultMessage: (args) => {
            if (typeof args?.value !== 'string' || !isIsoDate(args.value)) return '$property must be a real date written YYYY-MM-DD';
            const { from, to } = populationDateRange();
            return `$property must be a date from ${from} to ${to}`;
          },
        },
      }),
  );
}

class IsoDateParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}
  transform(value: unknown): string {
    if (typeof value === 'string' && isIsoDate(value)) return value;
    const message = `${this.name} in the address must be a real date written YYYY-MM-DD`;
    throw new DomainError('VALIDATION_FAILED', message, [{ field: this.name, messages: [message] }]);
  }
}

/**
 * A date path parameter (any real date: a figure stored before the date rules came in must still be
 * deletable); anything else answers 400 naming the parameter.
 */
export function DateParam(name: string): ParameterDecorator {
  return Param(name, new IsoDateParamPipe(name));
}

export class CreateKommuneDto {
  @ApiProperty({ example: '3303', pattern: '^\\d{4}$', description: 'Four digits; the first two are the county number.' })
  @IsString()
  @Matches(KOMMUNE_NUMBER_PATTERN, { message: '$property must be four digits, e.g. 3303' })
  number: string;

  @RequiredText({ max: 100, example: 'Kongsberg' })
  name: string;

  @ApiProperty({ enum: COUNTY_NAMES, example: 'Buskerud' })
  @countyRule()
  county: string;

  @ApiPropertyOptional({ type: PopulationDto, nullable: true, description: 'The first population figure; null or left out: none yet' })
  @Optional({ nullMeansUnchanged: true })
  @Nested(() => PopulationDto)
  population?: PopulationDto;
}

export class UpdateKommuneDto {
  @OptionalText({ max: 100, example: 'Kongsberg' })
  name?: string;

  @ApiPropertyOptional({ enum: COUNTY_NAMES })
  @Optional()
  @countyRule()
  county?: string;

  @ApiProperty({ description: 'The version you read; a newer stored version answers 409 VERSION_CONFLICT.', example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class KommuneQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or number', example: 'kongs' })
  @Optional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: COUNTY_NAMES })
  @Optional()
  @countyRule()
  county?: string;
}

export class PopulationResponseDto {
  @ApiProperty({ example: 27_839 })
  count: number;

  @ApiProperty({ format: 'date', example: '2024-01-01' })
  asOf: string;
}

export class KommuneResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '3303' })
  number: string;

  @ApiProperty({ example: 'Kongsberg' })
  name: string;

  @ApiProperty({ example: 'Buskerud' })
  county: string;

  @ApiProperty({ type: PopulationResponseDto, nullable: true, description: 'The newest population figure, or null when none is recorded.' })
  population: PopulationResponseDto | null;

  @ApiProperty({ example: 1 })
  version: number;
}

export function mapPopulation(p: Pick<KommunePopulation, 'population' | 'asOf'> | null | undefined): PopulationResponseDto | null {
  return p ? { count: p.population, asOf: p.asOf } : null;
}

/** `latest` is the newest population figure of the kommune, if any. */
export function mapKommune(k: Kommune, latest: KommunePopulation | null | undefined): KommuneResponseDto {
  return { id: k.id, number: k.number, name: k.name, county: k.county, population: mapPopulation(latest), version: k.version };
}

/** One population figure of a kommune, with who recorded it and when, where known. */
export class PopulationFigureResponseDto {
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  asOf: string;

  @ApiProperty({ example: 27_839 })
  count: number;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the figure was last recorded or corrected; null for figures from before the population history',
  })
  recordedAt: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Ada Admin', description: 'Who recorded or corrected it last; null when unknown' })
  recordedBy: string | null;
}

/** One change to a kommune's population figures. */
export class PopulationEventResponseDto {
  @ApiProperty()
  id: number;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ example: 'Ada Admin' })
  actorName: string;

  @ApiProperty({ enum: POPULATION_ACTIONS, enumName: 'PopulationAction' })
  action: PopulationAction;

  @ApiProperty({ format: 'date', description: 'The date of the figure that changed' })
  asOf: string;

  @ApiProperty({ nullable: true, type: Number, description: 'The count before; null when the figure was new' })
  before: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'The count after; null when the figure was deleted' })
  after: number | null;
}

export class PopulationHistoryResponseDto {
  @ApiProperty({ format: 'uuid' })
  kommuneId: string;

  @ApiProperty({ example: 'Kongsberg' })
  kommuneName: string;

  @ApiProperty({ type: [PopulationFigureResponseDto], description: 'Every figure, newest date first' })
  figures: PopulationFigureResponseDto[];

  @ApiProperty({ type: [PopulationEventResponseDto], description: 'Every change, newest first' })
  events: PopulationEventResponseDto[];

  @ApiProperty({ format: 'date', example: POPULATION_EARLIEST_DATE, description: 'The earliest date a figure may be recorded for' })
  earliestAsOf: string;

  @ApiProperty({
    format: 'date',
    example: '2027-12-31',
    description: 'The latest date a figure may be recorded for (31 December of next year)',
  })
  latestAsOf: string;
}
