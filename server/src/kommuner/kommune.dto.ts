import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTY_NAMES, KOMMUNE_NUMBER_PATTERN } from '@nvr/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OptionalText, RequiredDate, RequiredText } from '../common/validation';
import type { Kommune, KommunePopulation } from './kommune.entity';

const countyRule = () => IsIn(COUNTY_NAMES as string[], { message: `$property must be one of: ${COUNTY_NAMES.join(', ')}` });

export class PopulationDto {
  @ApiProperty({ example: 27_839, minimum: 0 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0, { message: '$property must not be negative' })
  @Max(10_000_000, { message: '$property is larger than any kommune' })
  count: number;

  @RequiredDate({ example: '2024-01-01', description: 'The date the figure is for (SSB counts as of 1 January).' })
  asOf: string;
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

  @ApiPropertyOptional({ type: PopulationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PopulationDto)
  population?: PopulationDto;
}

export class UpdateKommuneDto {
  @OptionalText({ max: 100, example: 'Kongsberg' })
  name?: string;

  @ApiPropertyOptional({ enum: COUNTY_NAMES })
  @IsOptional()
  @countyRule()
  county?: string;

  @ApiProperty({ description: 'The version you read; a newer stored version answers 409 VERSION_CONFLICT.', example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class KommuneQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or number', example: 'kongs' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ enum: COUNTY_NAMES })
  @IsOptional()
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
