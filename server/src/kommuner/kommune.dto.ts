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
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
} from 'class-validator';
import { DomainError } from '../common/domain-error';
import { Optional, OptionalText, RequiredDate, RequiredText, Nested } from '../common/validation';
import type { Kommune, KommunePopulation, PopulationSource } from './kommune.entity';

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

  @ApiProperty({
    enum: ['manual', 'ssb'],
    description: 'manual: typed by hand (recordedBy, recordedAt); ssb: imported from SSB (ssbTable, ssbFetchedAt)',
  })
  source: PopulationSource;

  @ApiProperty({ nullable: true, type: Number, description: 'SSB’s figure for this kommune and date, when imported; null when none' })
  ssbCount: number | null;

  @ApiProperty({ nullable: true, type: String, example: '07459', description: 'The SSB table SSB’s figure came from' })
  ssbTable: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When SSB’s figure was fetched' })
  ssbFetchedAt: string | null;

  @ApiProperty({ description: 'True when the figure was typed by hand and differs from SSB’s figure for the same kommune and date' })
  differsFromSsb: boolean;
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

/** Which numbers a kommune number has become, and the registered kommuner it belongs to today. */
export class ResolveKommuneNumberQueryDto {
  @ApiProperty({ example: '0604', pattern: '^\\d{4}$', description: 'A kommune number, current or historical' })
  @IsString()
  @Matches(KOMMUNE_NUMBER_PATTERN, { message: '$property must be four digits, e.g. 0604' })
  number: string;

  @RequiredDate({ example: '2019-01-01', description: 'The date the number was in use' })
  date: string;
}

export class KommuneNumberResponseDto {
  @ApiProperty({ example: '3006' })
  number: string;

  @ApiProperty({ example: 'Kongsberg' })
  name: string;

  @ApiProperty({ example: 'Viken' })
  county: string;

  @ApiProperty({ format: 'date', example: '2020-01-01', description: 'Valid from this date (inclusive)' })
  validFrom: string;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    example: '2024-01-01',
    description: 'Valid up to this date (exclusive); null while in use',
  })
  validTo: string | null;
}

export class MergedNumberResponseDto {
  @ApiProperty({ format: 'date', example: '2020-01-01' })
  on: string;

  @ApiProperty({ example: '0625' })
  number: string;

  @ApiProperty({ example: 'Nedre Eiker' })
  name: string;

  @ApiProperty({ example: '3005', description: 'The number of this kommune it merged into' })
  intoNumber: string;
}

export class KommuneNumbersResponseDto {
  @ApiProperty({ format: 'uuid' })
  kommuneId: string;

  @ApiProperty({ type: [KommuneNumberResponseDto], description: 'The kommune’s own numbers over time (renumberings), newest first' })
  numbers: KommuneNumberResponseDto[];

  @ApiProperty({
    type: [MergedNumberResponseDto],
    description: 'Other kommuner that merged into this one (SSB classification 131), oldest first',
  })
  merged: MergedNumberResponseDto[];
}

export class ResolvedKommuneNumberResponseDto {
  @ApiProperty({ example: '0604' })
  number: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  date: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Kongsberg',
    description: 'The number’s name on that date (SSB); null when SSB does not know it then',
  })
  name: string | null;

  @ApiProperty({ type: [String], example: ['3303'], description: 'The numbers it has become by today: one, or several after a split' })
  currentNumbers: string[];

  @ApiProperty({ type: [KommuneResponseDto], description: 'The registered kommuner with those numbers' })
  kommuner: KommuneResponseDto[];
}

export class SsbImportDto {
  @ApiProperty({ type: [Number], example: [2023, 2024], description: 'The years to import (figures as of 1 January)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true, message: '$property must be whole years' })
  @Min(1900, { each: true })
  @Max(2100, { each: true })
  years: number[];
}

export class SsbUnmappedResponseDto {
  @ApiProperty({ example: 2023 })
  year: number;

  @ApiProperty({ example: '1507' })
  number: string;

  @ApiProperty({ type: [String], example: ['1508', '1580'], description: 'The numbers it was split into' })
  currentNumbers: string[];
}

export class SsbImportResponseDto {
  @ApiProperty({ example: '07459' })
  table: string;

  @ApiProperty({ format: 'date-time', description: 'When the figures were fetched from SSB' })
  fetchedAt: string;

  @ApiProperty({ type: [Number] })
  years: number[];

  @ApiProperty({
    type: [Number],
    description: 'ssb-refresh: years asked for that SSB has no figures for yet (left out; the others are imported)',
  })
  notAvailable: number[];

  @ApiProperty({ description: 'Figures recorded where there was none' })
  recorded: number;

  @ApiProperty({ description: 'Figures from an earlier SSB import corrected' })
  corrected: number;

  @ApiProperty({ description: 'Figures already as SSB has them' })
  unchanged: number;

  @ApiProperty({ description: 'Hand-typed figures kept (SSB’s figure stored beside them)' })
  keptManual: number;

  @ApiProperty({ description: 'Hand-typed figures that differ from SSB’s' })
  differing: number;

  @ApiProperty({
    type: [SsbUnmappedResponseDto],
    description: 'Numbers split between several of today’s kommuner; their figures are not imported',
  })
  unmapped: SsbUnmappedResponseDto[];
}

export class SsbTableResponseDto {
  @ApiProperty({ example: '07459' })
  table: string;

  @ApiProperty({ type: [Number], description: 'The years the shipped snapshot has figures for' })
  years: number[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When SSB last updated the table' })
  updated: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the shipped snapshot was made from SSB’s exports' })
  fetchedAt: string;

  @ApiProperty({ description: 'Whether this server may fetch new figures from SSB (SSB_API_URL is set, not "off")' })
  refreshEnabled: boolean;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When figures were last fetched from SSB (ssb-refresh); null: never',
  })
  lastRefreshAt: string | null;

  @ApiProperty({ type: [Number], description: 'The years the last fetch from SSB brought figures for' })
  refreshedYears: number[];
}
