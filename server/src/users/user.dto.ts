import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Lang, type Role } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsUUID, MaxLength, Min, ValidateIf } from 'class-validator';
import { RoleAssignmentDto } from '../auth/auth.dto';
import { NewPasswordDto } from '../auth/auth.dto';
import { OptionalText, RequiredText, Optional, Nested } from '../common/validation';

const email = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class RoleInputDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `$property must be one of: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Required for regionraad, adviser and kommune_contact',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  regionId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Required for project_leader and project_member' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  projectId?: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "Only for kommune_contact: the kommune (a member of the role's region) the contact speaks for; left out = region-wide",
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  kommuneId?: string | null;
}

/** A role as an account lists it, with the kommune a kommune contact speaks for. */
export class UserRoleAssignmentDto extends RoleAssignmentDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The kommune’s name, for display' })
  kommuneName?: string | null;
}

export class SetRolesDto {
  @ApiProperty({ type: [RoleInputDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @Nested(() => RoleInputDto, { each: true })
  roles: RoleInputDto[];
}

export class CreateUserDto extends NewPasswordDto {
  @ApiProperty({ example: 'kari.nordmann@kongsberg.kommune.no' })
  @email()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(200)
  email: string;

  @RequiredText({ max: 200, example: 'Kari Nordmann' })
  name: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'The language of the web app and of the e-mails the person gets; bokmål (nb) when left out',
  })
  @Optional()
  @IsIn(LANGUAGES, { message: `$property must be one of: ${LANGUAGES.join(', ')}` })
  language?: Lang;

  @ApiPropertyOptional({ type: [RoleInputDto] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @Nested(() => RoleInputDto, { each: true })
  roles?: RoleInputDto[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @Optional()
  @email()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(200)
  email?: string;

  @OptionalText({ max: 200 })
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ description: 'The version you read; a newer stored version answers 409 VERSION_CONFLICT.', example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ enum: LANGUAGES, description: 'The language of the web app and of the e-mails the person gets' })
  language: Lang;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: [UserRoleAssignmentDto] })
  roles: UserRoleAssignmentDto[];
}
