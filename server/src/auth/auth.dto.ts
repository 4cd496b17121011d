import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES, ROLES, type Lang, type Role } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords';

export class LoginDto {
  @ApiProperty({ example: 'admin@demo.no' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(200)
  email: string;

  @ApiProperty({ example: 'demo-passord-2026' })
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

/** A new password: long enough to resist guessing; no other composition rules (NIST 800-63B). */
export class NewPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters` })
  newPassword: string;
}

export class ChangePasswordDto extends NewPasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;
}

export class RoleAssignmentDto {
  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  regionId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'The region’s name, for display' })
  regionName?: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  projectId: string | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A kommune contact who speaks for one kommune (null: the whole region)',
  })
  kommuneId?: string | null;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({
    enum: LANGUAGES,
    description: 'The language the person chose: the web app opens in it, and their e-mails are written in it',
  })
  language: Lang;
}

/** The signed-in person's choice of language. */
export class SetLanguageDto {
  @ApiProperty({ enum: LANGUAGES, example: 'nn' })
  @IsIn(LANGUAGES, { message: `$property must be one of: ${LANGUAGES.join(', ')}` })
  language: Lang;
}

export class MeResponseDto {
  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;

  @ApiProperty({ type: [RoleAssignmentDto] })
  roles: RoleAssignmentDto[];

  @ApiProperty({ description: 'Send as the X-CSRF-Token header on every POST, PUT, PATCH and DELETE' })
  csrfToken: string;
}
