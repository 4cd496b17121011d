import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NEED_CATEGORIES, RECOMMENDATION_STATUSES, type NeedCategory, type RecommendationStatus } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Matches, MaxLength, Min, ValidateIf } from 'class-validator';
import { NeedList } from '../conversations/conversation.dto';
import { Nested, Optional, RequiredText } from '../common/validation';

const EVIDENCE_KINDS = ['survey', 'conversation'] as const;

/** Free text of the register (reasoning, evidence, models compared): may be empty, trimmed. */
const LongText = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: 20000, description }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    Optional(),
    IsString({ message: '$property must be text' }),
    MaxLength(20000, { message: '$property must be at most 20000 characters' }),
  );

/** A pointer from a recommendation's evidence to a survey (or one of its questions) or a conversation of the same project. */
export class EvidenceRefDto {
  @ApiProperty({ enum: EVIDENCE_KINDS })
  @IsIn(EVIDENCE_KINDS, { message: '$property must be survey or conversation' })
  kind: 'survey' | 'conversation';

  @ApiPropertyOptional({ format: 'uuid', description: 'kind survey: the survey' })
  @ValidateIf((o: EvidenceRefDto) => o.kind === 'survey')
  @IsUUID('all', { message: '$property must be a UUID' })
  surveyId?: string;

  @ApiPropertyOptional({ description: 'kind survey: one question of it (optional)', example: 'needs_most' })
  @Optional()
  @IsString()
  @Matches(/^[a-z0-9_]{1,40}$/, { message: '$property must be a question key' })
  questionKey?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'kind conversation: the interview, meeting or workshop' })
  @ValidateIf((o: EvidenceRefDto) => o.kind === 'conversation')
  @IsUUID('all', { message: '$property must be a UUID' })
  conversationId?: string;
}

class RecommendationFieldsDto {
  @LongText('Begrunnelse: why the project recommends it')
  reasoning?: string;

  @LongText('What the kartlegging showed, in words')
  evidence?: string;

  @ApiPropertyOptional({ type: [EvidenceRefDto] })
  @Optional()
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(50)
  @Nested(() => EvidenceRefDto, { each: true })
  evidenceRefs?: EvidenceRefDto[];

  @LongText('The models of organisation compared, and how')
  modelsCompared?: string;

  @NeedList()
  needs?: NeedCategory[];
}

export class CreateRecommendationDto extends RecommendationFieldsDto {
  @RequiredText({ max: 1000, example: 'Det etableres et felles næringsfond for kommunene i regionen' })
  title: string;
}

export class UpdateRecommendationDto extends RecommendationFieldsDto {
  @ApiPropertyOptional({ type: String, maxLength: 1000 })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty' })
  @MaxLength(1000, { message: '$property must be at most 1000 characters' })
  title?: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class RecommendationStatusDto {
  @ApiProperty({ enum: RECOMMENDATION_STATUSES })
  @IsIn(RECOMMENDATION_STATUSES, { message: `$property must be one of: ${RECOMMENDATION_STATUSES.join(', ')}` })
  status: RecommendationStatus;

  @ApiPropertyOptional({ type: String, maxLength: 4000, description: 'e.g. the owner’s reason, or the case number' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @Optional()
  @IsString()
  @MaxLength(4000, { message: '$property must be at most 4000 characters' })
  note?: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class MoveRecommendationDto {
  @ApiProperty({ enum: ['up', 'down'] })
  @IsIn(['up', 'down'], { message: '$property must be up or down' })
  direction: 'up' | 'down';
}

export class EvidenceRefViewDto extends EvidenceRefDto {
  @ApiProperty({ nullable: true, type: String, description: 'The survey’s or conversation’s title; null when it was deleted' })
  label: string | null;
}

export class RecommendationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'Order in the register; shown numbered 1, 2, 3 …' })
  position: number;

  @ApiProperty({ description: 'Anbefaling' })
  title: string;

  @ApiProperty({ description: 'Begrunnelse' })
  reasoning: string;

  @ApiProperty()
  evidence: string;

  @ApiProperty({ type: [EvidenceRefViewDto] })
  evidenceRefs: EvidenceRefViewDto[];

  @ApiProperty()
  modelsCompared: string;

  @ApiProperty({ enum: NEED_CATEGORIES, isArray: true })
  needs: NeedCategory[];

  @ApiProperty({ enum: RECOMMENDATION_STATUSES })
  status: RecommendationStatus;

  @ApiProperty()
  statusNote: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'forprosjekt:goals.sub_goals',
    description: 'Where the adopted recommendation was added as a sub-goal (phase:section.field); null otherwise',
  })
  subgoalKey: string | null;

  @ApiProperty()
  version: number;
}
