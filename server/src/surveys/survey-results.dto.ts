import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { QUESTION_KINDS, type Lang, type QuestionKind } from '@nvr/shared';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { Optional } from '../common/validation';

const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });
const KEY = /^[a-z0-9_]{1,40}$/;
const LANGS = ['nb', 'nn', 'en'] as const;

export class OptionCountDto {
  @ApiProperty({ example: 'kommune', description: "The option's key (scale: '1'..'5')" })
  key: string;

  @ApiProperty({ example: 102 })
  count: number;

  @ApiProperty({ example: 0.457, description: 'Fraction 0..1 of the respondents who answered the question' })
  share: number;
}

export class TextAnswerDto {
  @ApiProperty({ format: 'uuid' })
  responseId: string;

  @ApiProperty({ nullable: true, type: String, description: 'null when the text was redacted' })
  text: string | null;

  @ApiProperty()
  redacted: boolean;
}

export class QuestionTallyDto {
  @ApiProperty({ example: 'role' })
  key: string;

  @ApiProperty({ enum: QUESTION_KINDS })
  kind: QuestionKind;

  @ApiProperty({ description: 'Respondents who answered this question' })
  answered: number;

  @ApiPropertyOptional({ type: [OptionCountDto], description: 'single, multiple and scale questions' })
  options?: OptionCountDto[];

  @ApiPropertyOptional({ description: 'scale and number questions' })
  mean?: number;

  @ApiPropertyOptional()
  median?: number;

  @ApiPropertyOptional({ description: 'scale questions; number questions only for those who may edit the project' })
  min?: number;

  @ApiPropertyOptional({ description: 'scale questions; number questions only for those who may edit the project' })
  max?: number;

  @ApiPropertyOptional({ description: 'text questions: how many wrote something' })
  textCount?: number;

  @ApiPropertyOptional({ type: [TextAnswerDto], description: 'text questions, only for those who may edit the project' })
  texts?: TextAnswerDto[];
}

export class SurveyResultsDto {
  @ApiProperty({ description: 'How many answered the survey' })
  total: number;

  @ApiProperty({
    description:
      'true when someone, but fewer than minGroupSize, answered and the reader may not edit the project: no figures are given then (questions is empty), since they would be those few people’s own answers',
  })
  belowMinimum: boolean;

  @ApiProperty({ description: 'The survey’s smallest group shown (never below 3)' })
  minGroupSize: number;

  @ApiProperty({ type: [QuestionTallyDto], description: 'Empty when belowMinimum' })
  questions: QuestionTallyDto[];

  @ApiProperty({ description: 'true when the raw answers were deleted and these are the stored results' })
  frozen: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  rawDeletedAt: string | null;
}

export class CrossTabQueryDto {
  @ApiProperty({ example: 'most_important_needs', description: 'The question to count' })
  @IsString()
  @Matches(KEY, { message: '$property must be a question key' })
  question: string;

  @ApiProperty({ example: 'role', description: "A single-choice question's key, or 'kommune'" })
  @IsString()
  @Matches(KEY, { message: "$property must be a question key or 'kommune'" })
  by: string;

  @ApiPropertyOptional({ enum: LANGS, default: 'nb', description: 'The language of the labels' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class CrossTabGroupDto {
  @ApiProperty({ nullable: true, type: String, description: 'Option key or kommune id; null = not answered / no kommune' })
  key: string | null;

  @ApiProperty({ example: 'Kommune' })
  label: string;

  @ApiProperty({ nullable: true, type: Number, description: 'Respondents in the group; null when the group is suppressed' })
  n: number | null;

  @ApiProperty({
    oneOf: [
      { type: 'boolean', enum: [false] },
      { type: 'string', enum: ['small', 'complementary'] },
    ],
    description: 'false: shown; small: fewer answers than minGroupSize; complementary: hidden so a small group cannot be worked out',
  })
  suppressed: false | 'small' | 'complementary';
}

export class CrossTabCellDto {
  @ApiProperty()
  count: number;

  @ApiProperty()
  share: number;
}

export class CrossTabRowDto {
  @ApiProperty({ example: 'statistics' })
  option: string;

  @ApiProperty({ example: 'Statistikk' })
  label: string;

  @ApiProperty({ type: CrossTabCellDto })
  total: CrossTabCellDto;

  @ApiProperty({
    type: 'array',
    items: { nullable: true, allOf: [{ $ref: getSchemaPath(CrossTabCellDto) }] },
    description: 'One per group; null where the group is suppressed',
  })
  cells: (CrossTabCellDto | null)[];
}

export class CrossTabDto {
  @ApiProperty()
  question: string;

  @ApiProperty()
  questionText: string;

  @ApiProperty({ description: "The grouping question's key, or 'kommune'" })
  by: string;

  @ApiProperty()
  byText: string;

  @ApiProperty({ description: 'Groups with fewer answers than this are suppressed' })
  minGroupSize: number;

  @ApiProperty({
    description:
      'true when someone, but fewer than minGroupSize, answered the survey and the reader may not edit the project: every group is hidden and rows is empty',
  })
  belowMinimum: boolean;

  @ApiProperty({ type: [CrossTabGroupDto] })
  groups: CrossTabGroupDto[];

  @ApiProperty({ type: [CrossTabRowDto] })
  rows: CrossTabRowDto[];
}

export class RedactDto {
  @ApiProperty({ example: 'comments', description: 'The free-text question whose answer is removed' })
  @IsString()
  @Matches(KEY, { message: '$property must be a question key' })
  question: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_CONTENTS = ['raw', 'tables'] as const;
export const REPORT_FORMATS = ['pdf', 'docx'] as const;

export class SurveyExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @Optional()
  @oneOf(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({
    enum: EXPORT_CONTENTS,
    default: 'tables',
    description: 'raw: one row per response (project edit only); tables: counts and shares, and the cross-tab by the grouping question',
  })
  @Optional()
  @oneOf(EXPORT_CONTENTS)
  content?: (typeof EXPORT_CONTENTS)[number];

  @ApiPropertyOptional({ enum: LANGS, default: 'nb' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class SurveyReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'pdf' })
  @Optional()
  @oneOf(REPORT_FORMATS)
  format?: (typeof REPORT_FORMATS)[number];

  @ApiPropertyOptional({ enum: LANGS, default: 'nb' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class SurveyImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: check the file and store nothing' })
  @Optional()
  @oneOf(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ enum: LANGS, default: 'nb', description: 'The language of the problem messages' })
  @Optional()
  @oneOf(LANGS)
  lang?: Lang;
}

export class SurveyImportBodyDto {
  @ApiPropertyOptional({
    description:
      'JSON: {"columns": {"<column header>": "<question key>"}, "kommuneColumn"?: "<column header>"}; the file goes in the field "file"',
    example: '{"columns":{"Rolle":"role","Antall ansatte":"employees"},"kommuneColumn":"Kommune"}',
  })
  @Optional()
  @IsString()
  @MaxLength(65536)
  mapping?: string;
}

export class ImportProblemDto {
  @ApiProperty({ example: 7, description: 'The row in the spreadsheet (the header is row 1); 0 for the file as a whole' })
  row: number;

  @ApiProperty({ example: 'Rolle', description: 'The column header, or "" for the whole row' })
  column: string;

  @ApiProperty({ example: 'unknown_option' })
  code: string;

  @ApiProperty({ example: '«Bonde» er ikke et av svaralternativene til «Rolle».' })
  message: string;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Rows with answers in the file (the header and empty rows not counted)' })
  rows: number;

  @ApiProperty({ description: 'Rows stored (0 in a dry run or when there are problems)' })
  imported: number;

  @ApiProperty({ type: [String], description: 'The header row of the file, in order' })
  columns: string[];

  @ApiProperty({ type: [ImportProblemDto] })
  problems: ImportProblemDto[];

  @ApiProperty({
    type: [Number],
    description: 'Rows left out because they have content only in columns not mapped to a question, by spreadsheet row number',
  })
  skipped: number[];
}
