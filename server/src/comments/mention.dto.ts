import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '../common/validation';

export const MENTION_LIMIT_DEFAULT = 10;
export const MENTION_LIMIT_MAX = 50;

export class MentionablePeopleQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'ma',
    description: 'The start of a word of the name or of the e-mail address (what follows "@" as one types), case-insensitive',
  })
  @Optional()
  @IsString({ message: '$property must be text' })
  @MaxLength(100, { message: '$property must be at most 100 characters' })
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MENTION_LIMIT_MAX, default: MENTION_LIMIT_DEFAULT })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(MENTION_LIMIT_MAX)
  limit?: number;
}

/** A person who may read the project and can be mentioned in its comments. */
export class MentionablePersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Pia Prosjektleder' })
  name: string;

  @ApiProperty({ example: 'pia@kongsberg.kommune.no', description: 'What "@" is followed by in a comment to mention them' })
  email: string;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'The roles through which they may read the project, in the order of the role list; never admin',
  })
  roles: Role[];
}
