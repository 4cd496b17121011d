import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Lang, type Role } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { NewPasswordDto } from '../auth/auth.dto';
import { Nested, Optional, RequiredText } from '../common/validation';
import { RoleInputDto } from '../users/user.dto';

const trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateInvitationDto {
  @ApiProperty({ example: 'kari.nordmann@kongsberg.kommune.no' })
  @trimmed()
  @IsEmail({}, { message: '$property must be an e-mail address' })
  @MaxLength(200)
  email: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: 'The language of the invitation e-mail and of the new account; bokmål (nb) when left out',
  })
  @Optional()
  @IsIn(LANGUAGES, { message: `$property must be one of: ${LANGUAGES.join(', ')}` })
  language?: Lang;

  @ApiProperty({
    type: [RoleInputDto],
    description:
      "The roles the person gets on accepting. On a project's route a role's projectId may be left out (the project); on a region's route a region role's regionId may be left out (the region).",
  })
  @IsArray()
  @ArrayMinSize(1, { message: '$property must name at least one role' })
  @ArrayMaxSize(20)
  @Nested(() => RoleInputDto, { each: true })
  roles: RoleInputDto[];
}

/** The secret of an invitation link. */
export class InvitationTokenDto {
  @ApiProperty({ description: 'The code from the invitation link (after #)', minLength: 20, maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: '$property must be the code from the invitation link' })
  token: string;
}

export class AcceptInvitationDto extends NewPasswordDto {
  @ApiProperty({ description: 'The code from the invitation link (after #)', minLength: 20, maxLength: 100 })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: '$property must be the code from the invitation link' })
  token: string;

  @RequiredText({ max: 200, example: 'Kari Nordmann' })
  name: string;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @Optional()
  @IsIn(LANGUAGES, { message: `$property must be one of: ${LANGUAGES.join(', ')}` })
  language?: Lang;
}

export class InvitedRoleDto {
  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  regionId: string | null;

  @ApiProperty({ nullable: true, type: String })
  regionName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  projectId: string | null;

  @ApiProperty({ nullable: true, type: String })
  projectName: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  kommuneId?: string | null;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Lang;

  @ApiProperty({ type: [InvitedRoleDto] })
  roles: InvitedRoleDto[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  regionId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  projectId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Who invited' })
  invitedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ description: 'The link no longer works; invite again' })
  expired: boolean;
}

export class SignInProviderDto {
  @ApiProperty({ example: 'entra' })
  id: string;

  @ApiProperty({ example: 'Microsoft Entra ID' })
  name: string;

  @ApiProperty({ description: "The provider serves the invited e-mail address's domain" })
  suggested: boolean;
}

/** What the invitation page shows before the person accepts. */
export class InvitationPreviewDto {
  @ApiProperty()
  email: string;

  @ApiProperty({ enum: LANGUAGES })
  language: Lang;

  @ApiProperty({ type: [InvitedRoleDto] })
  roles: InvitedRoleDto[];

  @ApiProperty({ nullable: true, type: String })
  invitedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ description: 'Whether the invitation may be accepted by choosing a password (PASSWORD_SIGN_IN)' })
  passwordAllowed: boolean;

  @ApiProperty({ type: [SignInProviderDto] })
  providers: SignInProviderDto[];
}
