import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GROUPING_KINDS,
  NEED_CATEGORIES,
  QUESTION_KINDS,
  SURVEY_LIMITS,
  type GroupingKind,
  type NeedCategory,
  type QuestionKind,
  type SurveyStatus,
} from '@nvr/shared';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  isISO8601,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { Nested, Optional, OptionalText } from '../common/validation';

/**
 * The shape of a survey's questions (shared SurveyQuestion). These classes check types and sizes only;
 * the rules between fields (unique keys, options per kind, one grouping question …) are the shared
 * `validateSurveyDefinition`, which the service runs and answers as 422 SURVEY_DEFINITION_INVALID.
 */
const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });
const STATUSES: readonly SurveyStatus[] = ['draft', 'scheduled', 'open', 'closed'];
const TEMPLATE_KEY = /^[a-z][a-z0-9_]{0,59}$/;

export class SurveyTextDto {
  @ApiProperty({ example: 'Hvor mange ansatte har bedriften?', maxLength: SURVEY_LIMITS.textLength })
  @IsString()
  @MaxLength(SURVEY_LIMITS.textLength, { message: `$property must be at most ${SURVEY_LIMITS.textLength} characters` })
  nb: string;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.textLength, description: 'Nynorsk; falls back to bokmål' })
  @Optional()
  @IsString()
  @MaxLength(SURVEY_LIMITS.textLength, { message: `$property must be at most ${SURVEY_LIMITS.textLength} characters` })
  nn?: string;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.textLength, description: 'English; falls back to bokmål' })
  @Optional()
  @IsString()
  @MaxLength(SURVEY_LIMITS.textLength, { message: `$property must be at most ${SURVEY_LIMITS.textLength} characters` })
  en?: string;
}

export class SurveyOptionDto {
  @ApiProperty({ example: 'employees_1_3', description: 'Stable key within the question: a–z, 0–9, _' })
  @IsString()
  @MaxLength(SURVEY_LIMITS.keyLength)
  key: string;

  @ApiProperty({ type: SurveyTextDto })
  @Nested(() => SurveyTextDto)
  label: SurveyTextDto;

  @ApiPropertyOptional({ enum: NEED_CATEGORIES, description: 'Choosing this option means the respondent has this need' })
  @Optional()
  @oneOf(NEED_CATEGORIES)
  need?: NeedCategory;
}

export class SurveyScaleLabelsDto {
  @ApiProperty({ type: SurveyTextDto, description: 'The word at 1' })
  @Nested(() => SurveyTextDto)
  min: SurveyTextDto;

  @ApiProperty({ type: SurveyTextDto, description: 'The word at 5' })
  @Nested(() => SurveyTextDto)
  max: SurveyTextDto;
}

export class SurveyQuestionDto {
  @ApiProperty({ example: 'employees', description: 'Stable key within the survey: a–z, 0–9, _' })
  @IsString()
  @MaxLength(SURVEY_LIMITS.keyLength)
  key: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  @oneOf(QUESTION_KINDS)
  kind: QuestionKind;

  @ApiProperty({ type: SurveyTextDto })
  @Nested(() => SurveyTextDto)
  text: SurveyTextDto;

  @ApiPropertyOptional({ type: SurveyTextDto })
  @Optional()
  @Nested(() => SurveyTextDto)
  help?: SurveyTextDto;

  @ApiProperty()
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({ type: [SurveyOptionDto], description: 'single and multiple choice' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SURVEY_LIMITS.options)
  @Nested(() => SurveyOptionDto, { each: true })
  options?: SurveyOptionDto[];

  @ApiPropertyOptional({ description: 'multiple choice: at most this many choices' })
  @Optional()
  @IsInt({ message: '$property must be a whole number' })
  maxChoices?: number;

  @ApiPropertyOptional({ type: SurveyScaleLabelsDto, description: 'scale: words at the ends of 1–5' })
  @Optional()
  @Nested(() => SurveyScaleLabelsDto)
  scaleLabels?: SurveyScaleLabelsDto;

  @ApiPropertyOptional({ description: 'number: smallest accepted whole number' })
  @Optional()
  @IsInt({ message: '$property must be a whole number' })
  min?: number;

  @ApiPropertyOptional({ description: 'number: largest accepted whole number' })
  @Optional()
  @IsInt({ message: '$property must be a whole number' })
  max?: number;

  @ApiPropertyOptional({ enum: GROUPING_KINDS, description: 'The grouping question (at most one, single choice)' })
  @Optional()
  @oneOf(GROUPING_KINDS)
  grouping?: GroupingKind;

  @ApiPropertyOptional({ enum: NEED_CATEGORIES, description: 'scale and text questions about one need' })
  @Optional()
  @oneOf(NEED_CATEGORIES)
  need?: NeedCategory;
}

/** Questions as a request sends them: a list of at most SURVEY_LIMITS.questions questions. */
function QuestionList() {
  return (object: object, propertyName: string) => {
    ApiPropertyOptional({ type: [SurveyQuestionDto] })(object, propertyName);
    Optional()(object, propertyName);
    IsArray({ message: '$property must be a list' })(object, propertyName);
    ArrayMaxSize(SURVEY_LIMITS.questions, { message: `a survey has at most ${SURVEY_LIMITS.questions} questions` })(object, propertyName);
    Nested(() => SurveyQuestionDto, { each: true })(object, propertyName);
  };
}

/**
 * A full date and time with its offset, as JSON writes it ("2030-01-01T10:00:00.000Z",
 * "2030-01-01T10:00+01:00"). ISO 8601 also has week dates, signed years and decimal commas, which
 * JavaScript and PostgreSQL do not read, so those are refused here rather than failing later.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_FROM = Date.parse('1970-01-01T00:00:00Z');
const DATE_TIME_UNTIL = Date.parse('9999-01-01T00:00:00Z');
const DATE_TIME_MESSAGE = '$property must be a date and time with an offset, like 2030-01-31T12:00:00Z or 2030-01-31T13:00:00+01:00';

export function isDateTime(v: unknown): boolean {
  // isISO8601 strict: no 30 February; the pattern and the range: only what Date and PostgreSQL read alike.
  if (typeof v !== 'string' || !DATE_TIME.test(v) || !isISO8601(v, { strict: true })) return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && t >= DATE_TIME_FROM && t < DATE_TIME_UNTIL;
}

/** A date-time, or null to clear it. */
function OptionalDateTime(description: string) {
  return (object: object, propertyName: string) => {
    ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description })(object, propertyName);
    ValidateIf((_, v) => v !== null && v !== undefined)(object, propertyName);
    ValidateBy({ name: 'isDateTime', validator: { validate: isDateTime, defaultMessage: () => DATE_TIME_MESSAGE } })(object, propertyName);
  };
}

export class CreateSurveyDto {
  @ApiPropertyOptional({ example: 'business_survey', description: "A survey template's key (exactly one of templateKey and copyOf)" })
  @Optional()
  @IsString()
  @Matches(TEMPLATE_KEY, { message: '$property must be a template key' })
  templateKey?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Copy this survey of the project (its questions and settings, not its answers or links)',
  })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  copyOf?: string;

  @OptionalText({ max: SURVEY_LIMITS.titleLength, description: "Defaults to the template's title, or the copied survey's" })
  title?: string;
}

export class UpdateSurveyDto {
  @ApiProperty({ description: 'The version you edited; another answers 409 VERSION_CONFLICT' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;

  @OptionalText({ max: SURVEY_LIMITS.titleLength })
  title?: string;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.introLength, description: 'Shown above the questions' })
  @Optional()
  @IsString()
  @MaxLength(SURVEY_LIMITS.introLength, { message: `$property must be at most ${SURVEY_LIMITS.introLength} characters` })
  intro?: string;

  @ApiPropertyOptional({ maxLength: SURVEY_LIMITS.introLength, description: 'How the answers are handled, shown to respondents' })
  @Optional()
  @IsString()
  @MaxLength(SURVEY_LIMITS.introLength, { message: `$property must be at most ${SURVEY_LIMITS.introLength} characters` })
  privacyNotice?: string;

  /** Changing them bumps definitionVersion; refused (409 SURVEY_LOCKED) once the survey has answers. */
  @QuestionList()
  questions?: SurveyQuestionDto[];

  @ApiPropertyOptional({ minimum: SURVEY_LIMITS.minGroupSizeFloor, maximum: 100, description: 'Smallest group a cross-tabulation shows' })
  @Optional()
  @IsInt({ message: '$property must be a whole number' })
  @Min(SURVEY_LIMITS.minGroupSizeFloor)
  @Max(100)
  minGroupSize?: number;

  @OptionalDateTime('When the survey opens; null: not scheduled')
  opensAt?: string | null;

  @OptionalDateTime('When the survey closes by itself; null: stays open until closed')
  closesAt?: string | null;
}

export class OpenSurveyDto {
  @OptionalDateTime('When the survey closes by itself')
  closesAt?: string | null;
}

export class CreateSurveyLinkDto {
  @ApiPropertyOptional({ format: 'uuid', description: "One of the project's kommuner; left out: the general link" })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  kommuneId?: string;
}

export class SurveyLinkDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The secret part of the public address' })
  token: string;

  @ApiProperty({ example: 'https://nvr.example.no/s/…', description: 'The public address respondents open' })
  url: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  kommuneId: string | null;

  @ApiProperty({ nullable: true, type: String })
  kommuneName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  disabledAt: string | null;
}

export class SurveySummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: STATUSES })
  status: SurveyStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  opensAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closesAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;

  @ApiProperty()
  responseCount: number;

  @ApiProperty()
  definitionVersion: number;

  @ApiProperty()
  version: number;
}

export class SurveyDto extends SurveySummaryDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  intro: string;

  @ApiProperty()
  privacyNotice: string;

  @ApiProperty({ type: [SurveyQuestionDto] })
  questions: SurveyQuestionDto[];

  @ApiProperty()
  minGroupSize: number;

  @ApiProperty({ description: 'true once the survey has answers: its questions can no longer change' })
  locked: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the raw answers were deleted' })
  rawDeletedAt: string | null;

  @ApiProperty({ type: [SurveyLinkDto], description: 'Only for those who may edit the project; others get []' })
  links: SurveyLinkDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'The template the survey started from' })
  templateKey: string | null;
}
