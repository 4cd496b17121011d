import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONVERSATION_KINDS, NEED_CATEGORIES, type ConversationKind, type NeedCategory } from '@nvr/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { IsIsoDate, Optional, RequiredDate, RequiredText } from '../common/validation';

/** Longest note under one guide section. */
export const NOTE_MAX = 20000;
const SECTION_KEY = /^[a-z0-9_]{1,60}$/;

/** Notes keyed by guide section: an object of at most 50 texts, keys like template section keys. */
function NotesRecord() {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'string', maxLength: NOTE_MAX },
      description: 'Notes per guide section key (without a guide: the key "notes")',
      example: { intro: 'Presenterte prosjektet.', needs: 'Trenger raskere byggesaksbehandling.' },
    }),
    Optional(),
    (object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isNotesRecord',
        target: object.constructor,
        propertyName: String(propertyName),
        options: {
          message: `$property must be an object of at most 50 texts (each at most ${NOTE_MAX} characters) keyed by guide section`,
        },
        validator: {
          validate: (value: unknown) => {
            if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
            const entries = Object.entries(value as Record<string, unknown>);
            return entries.length <= 50 && entries.every(([k, v]) => SECTION_KEY.test(k) && typeof v === 'string' && v.length <= NOTE_MAX);
          },
        },
      }),
  );
}

/** The needs a conversation (or a recommendation) is tagged with. */
export function NeedList() {
  return applyDecorators(
    ApiPropertyOptional({ enum: NEED_CATEGORIES, isArray: true, description: 'Categories of need that came up' }),
    Optional(),
    IsArray({ message: '$property must be a list' }),
    ArrayMaxSize(NEED_CATEGORIES.length),
    ArrayUnique({ message: '$property must not repeat a need' }),
    IsIn(NEED_CATEGORIES, { each: true, message: `each of $property must be one of: ${NEED_CATEGORIES.join(', ')}` }),
  );
}

const trimOrNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));

class ConversationFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'One of the project’s kommuner, or null' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  kommuneId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: 4000,
    description: 'Names of the participants; only with their consent (namesConsent true)',
  })
  @trimOrNull()
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(4000, { message: '$property must be at most 4000 characters' })
  participantNames?: string | null;

  @ApiPropertyOptional({ description: 'The participants agreed that their names are recorded' })
  @Optional()
  @IsBoolean({ message: '$property must be true or false' })
  namesConsent?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'interview_guide',
    description: 'Key of a guide template (kind guide); the newest version is used and remembered',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @Matches(/^[a-z0-9_]{1,60}$/, { message: '$property must be a template key' })
  guideKey?: string | null;

  @NotesRecord()
  notes?: Record<string, string>;

  @NeedList()
  needs?: NeedCategory[];
}

export class CreateConversationDto extends ConversationFieldsDto {
  @ApiProperty({ enum: CONVERSATION_KINDS })
  @IsIn(CONVERSATION_KINDS, { message: `$property must be one of: ${CONVERSATION_KINDS.join(', ')}` })
  kind: ConversationKind;

  @RequiredText({ max: 200, example: 'Intervju med Byggmester AS' })
  title: string;

  @RequiredDate({ example: '2026-03-12' })
  heldOn: string;

  @ApiProperty({ minimum: 1, maximum: 10000, example: 2 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(10000, { message: '$property must be at most 10000' })
  participantCount: number;
}

export class UpdateConversationDto extends ConversationFieldsDto {
  @ApiPropertyOptional({ enum: CONVERSATION_KINDS })
  @Optional()
  @IsIn(CONVERSATION_KINDS, { message: `$property must be one of: ${CONVERSATION_KINDS.join(', ')}` })
  kind?: ConversationKind;

  @ApiPropertyOptional({ type: String, maxLength: 200 })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(200, { message: '$property must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @Optional()
  @IsIsoDate()
  heldOn?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 10000 })
  @Optional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  @Max(10000, { message: '$property must be at most 10000' })
  participantCount?: number;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class ConversationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CONVERSATION_KINDS })
  kind: ConversationKind;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date' })
  heldOn: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  kommuneId: string | null;

  @ApiProperty({ nullable: true, type: String })
  kommuneName: string | null;

  @ApiProperty()
  participantCount: number;

  @ApiProperty({ nullable: true, type: String })
  participantNames: string | null;

  @ApiProperty()
  namesConsent: boolean;

  @ApiProperty({ nullable: true, type: String, description: 'Key of the guide template used' })
  guideKey: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Version of the guide template used' })
  guideVersion: number | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  notes: Record<string, string>;

  @ApiProperty({ enum: NEED_CATEGORIES, isArray: true })
  needs: NeedCategory[];

  @ApiProperty()
  version: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'Name of the person who recorded it' })
  createdBy: string | null;
}

export class NeedCountDto {
  @ApiProperty({ enum: NEED_CATEGORIES })
  need: NeedCategory;

  @ApiProperty({ description: 'Respondents in the project’s surveys who expressed this need' })
  surveyRespondents: number;

  @ApiProperty({ description: 'Interviews, meetings and workshops tagged with this need' })
  conversations: number;
}

export class NeedsOverviewDto {
  @ApiProperty({ type: [NeedCountDto] })
  needs: NeedCountDto[];

  @ApiProperty({ description: 'How many surveys were counted' })
  surveys: number;

  @ApiProperty({ description: 'How many conversations were counted' })
  conversations: number;
}
