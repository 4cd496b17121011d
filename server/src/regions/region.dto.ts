import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, Min } from 'class-validator';
import { KommuneResponseDto } from '../kommuner/kommune.dto';
import { Optional, OptionalDate, OptionalText, RequiredDate, RequiredText, ValidateUUID, Nested } from '../common/validation';

export class AddMemberDto {
  @ValidateUUID({ description: 'The kommune joining the region' })
  kommuneId: string;

  @RequiredDate({ example: '2009-02-03', description: 'First day of membership' })
  validFrom: string;

  @OptionalDate({
    example: '2027-12-31',
    description: 'Last day of membership; leave out while the kommune is still a member',
    nullable: true,
  })
  validTo?: string | null;
}

export class UpdateMembershipDto {
  @OptionalDate({ description: 'First day of membership' })
  validFrom?: string;

  @OptionalDate({ description: 'Last day of membership; null makes it open-ended again', nullable: true })
  validTo?: string | null;
}

export class CreateRegionDto {
  @RequiredText({ max: 120, example: 'Kongsbergregionen' })
  name: string;

  @RequiredText({ max: 160, example: 'Regionrådet i Kongsbergregionen', description: 'The regionråd that owns the region’s projects' })
  councilName: string;

  @OptionalText({ max: 2000, nullable: true })
  description?: string | null;

  @ApiPropertyOptional({ type: [AddMemberDto], description: 'Member kommuner, added in the same transaction' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(100)
  @Nested(() => AddMemberDto, { each: true })
  members?: AddMemberDto[];
}

export class UpdateRegionDto {
  @OptionalText({ max: 120 })
  name?: string;

  @OptionalText({ max: 160 })
  councilName?: string;

  @OptionalText({ max: 2000, nullable: true })
  description?: string | null;

  @ApiProperty({ description: 'The version you read; a newer stored version answers 409 VERSION_CONFLICT.', example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class MembershipResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: KommuneResponseDto })
  kommune: KommuneResponseDto;

  @ApiProperty({ format: 'date' })
  validFrom: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  validTo: string | null;

  @ApiProperty({ description: 'Whether the membership is in force today (Norwegian time)' })
  current: boolean;
}

export class RegionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Kongsbergregionen' })
  name: string;

  @ApiProperty({ example: 'Regionrådet i Kongsbergregionen' })
  councilName: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ type: [MembershipResponseDto], description: 'Every membership, current and past, current first, then by kommune name' })
  members: MembershipResponseDto[];

  @ApiProperty({ example: 50_388, description: 'Sum of the newest population figures of the current members' })
  totalPopulation: number;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The oldest date among the figures in the total' })
  populationAsOf: string | null;
}

export class RegionSummaryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  councilName: string;

  @ApiProperty({ description: 'Number of current member kommuner' })
  memberCount: number;

  @ApiProperty()
  totalPopulation: number;

  @ApiProperty({ type: [String], description: 'Counties of the current members' })
  counties: string[];
}
