import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOSING_OUTCOMES,
  EVALUATION_PERSPECTIVES,
  LESSON_CATEGORIES,
  PHASE_KEYS,
  PHASE_STATES,
  PROJECT_STATUSES,
  SUCCESS_FACTORS,
  type ClosingCheckKey,
  type ClosingOutcome,
  type ClosingPhaseProblem,
  type EvaluationPerspective,
  type LessonCategory,
  type PhaseKey,
  type PhaseState,
  type ProjectStatus,
  type SuccessFactor,
} from '@nvr/shared';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PersonDto } from '../common/person.dto';
import { Nested, Optional, OptionalText, RequiredDate, RequiredText } from '../common/validation';

/** Whole kroner; a trillion is far beyond any regional project. */
const MAX_KRONER = 1_000_000_000_000;
const SECTION_MAX = 20000;
const CLOSING_CHECKS: ClosingCheckKey[] = ['final_report', 'leader_evaluation', 'owner_evaluation'];

const OneOf = <T extends readonly string[]>(values: T) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });

/** A section's text; may be empty, null or left out leaves it as it is. */
const SectionText = () =>
  applyDecorators(
    ApiPropertyOptional({ type: String, maxLength: SECTION_MAX }),
    Optional({ nullMeansUnchanged: true }),
    IsString({ message: '$property must be text' }),
    MaxLength(SECTION_MAX, { message: `$property must be at most ${SECTION_MAX} characters` }),
  );

/** An amount in whole kroner, or null to clear it. */
const Kroner = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Number, nullable: true, description, example: 7500000 }),
    ValidateIf((_: unknown, v: unknown) => v !== null && v !== undefined),
    IsInt({ message: '$property must be a whole number of kroner' }),
    Min(0, { message: '$property must not be negative' }),
    Max(MAX_KRONER, { message: `$property must be at most ${MAX_KRONER}` }),
  );

const VersionField = (description: string, min = 1) =>
  applyDecorators(
    ApiProperty({ example: min, description }),
    IsInt({ message: '$property must be a whole number' }),
    Min(min, { message: `$property must be at least ${min}` }),
  );

// ---------------------------------------------------------------------------------------------------
// Input

export class StartReportDto {
  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], default: 'nb', description: 'The language the pre-filled text is written in' })
  @Optional()
  @IsIn(['nb', 'nn', 'en'], { message: '$property must be nb, nn or en' })
  lang?: 'nb' | 'nn' | 'en';
}

/** The report's sections, by the outline's keys; in an update, a section left out keeps its text. */
export class ReportSectionsInputDto {
  @SectionText() background?: string;
  @SectionText() goals_results?: string;
  @SectionText() deliverables?: string;
  @SectionText() economy?: string;
  @SectionText() benefits?: string;
  @SectionText() went_well?: string;
  @SectionText() went_less_well?: string;
  @SectionText() recommendations?: string;
}

export class UpdateReportDto {
  @ApiPropertyOptional({ type: ReportSectionsInputDto })
  @Optional()
  @Nested(() => ReportSectionsInputDto)
  sections?: ReportSectionsInputDto;

  @Kroner('The hovedprosjekt’s budget (total costs), whole kroner')
  budgetTotal?: number | null;

  @Kroner('What the hovedprosjekt spent in all, whole kroner')
  spentTotal?: number | null;

  @VersionField('The version you edited; an older one answers 409')
  version: number;
}

export class FactorScoreInputDto {
  @ApiProperty({ enum: SUCCESS_FACTORS })
  @OneOf(SUCCESS_FACTORS)
  factor: SuccessFactor;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: '1 (weak) to 5 (strong); null: not scored yet' })
  @ValidateIf((_: unknown, v: unknown) => v !== null)
  @IsInt({ message: '$property must be a whole number from 1 to 5' })
  @Min(1, { message: '$property must be from 1 to 5' })
  @Max(5, { message: '$property must be from 1 to 5' })
  score: number | null;

  @ApiPropertyOptional({ type: String, maxLength: 2000 })
  @Optional()
  @IsString({ message: '$property must be text' })
  @MaxLength(2000, { message: '$property must be at most 2000 characters' })
  comment?: string;
}

export class SaveEvaluationDto {
  @ApiProperty({
    type: [FactorScoreInputDto],
    description: 'The factors scored or commented; each factor at most once. Those left out are cleared.',
  })
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(SUCCESS_FACTORS.length, { message: `$property must hold at most ${SUCCESS_FACTORS.length} factors` })
  @Nested(() => FactorScoreInputDto, { each: true })
  scores: FactorScoreInputDto[];

  @ApiPropertyOptional({ type: String, maxLength: 4000, description: 'An overall comment' })
  @Optional()
  @IsString({ message: '$property must be text' })
  @MaxLength(4000, { message: '$property must be at most 4000 characters' })
  summary?: string;

  @VersionField('The version you edited; 0 for the first save', 0)
  version: number;
}

export class CreateLessonDto {
  @RequiredText({ max: 4000, example: 'Forankre hos rådmennene før hvert regionrådsmøte.', description: 'The lesson' })
  text: string;

  @ApiProperty({ enum: LESSON_CATEGORIES, description: 'The success factor it concerns, or other' })
  @OneOf(LESSON_CATEGORIES)
  category: LessonCategory;

  @ApiPropertyOptional({ enum: PHASE_KEYS, description: 'The phase it concerns; default: the phase the project is in' })
  @Optional()
  @OneOf(PHASE_KEYS)
  phaseKey?: PhaseKey;
}

export class UpdateLessonDto {
  @OptionalText({ max: 4000 })
  text?: string;

  @ApiPropertyOptional({ enum: LESSON_CATEGORIES })
  @Optional()
  @OneOf(LESSON_CATEGORIES)
  category?: LessonCategory;

  @ApiPropertyOptional({ enum: PHASE_KEYS })
  @Optional()
  @OneOf(PHASE_KEYS)
  phaseKey?: PhaseKey;

  @VersionField('The version you edited; an older one answers 409')
  version: number;
}

export class SuccessorDto {
  @RequiredText({
    max: 200,
    example: 'Næringsforum Kongsbergregionen',
    description: 'The organisation that owns the permanent cooperation',
  })
  organisation: string;

  @RequiredText({ max: 4000, example: 'Kommunene etter fordelingsnøkkelen 50/50, og fylkeskommunen.', description: 'How it is financed' })
  financingText: string;

  @ApiProperty({ example: 2500000, description: 'What it costs a year, whole kroner' })
  @IsInt({ message: '$property must be a whole number of kroner' })
  @Min(0, { message: '$property must not be negative' })
  @Max(MAX_KRONER, { message: `$property must be at most ${MAX_KRONER}` })
  yearlyAmount: number;
}

export class RecordClosingDecisionDto {
  @ApiProperty({ enum: CLOSING_OUTCOMES, description: 'close: the project ends; carry_on: its work goes on as a permanent cooperation' })
  @OneOf(CLOSING_OUTCOMES)
  outcome: ClosingOutcome;

  @RequiredDate({ example: '2012-02-01', description: 'The date of the owner’s meeting' })
  meetingDate: string;

  @RequiredText({ max: 60, example: '04/12', description: 'Saksnummer' })
  caseNumber: string;

  @RequiredText({
    max: 20000,
    example: 'Regionrådet tar sluttrapporten til etterretning.',
    description: 'The decision (vedtak) as recorded',
  })
  decisionText: string;

  @ApiPropertyOptional({ type: SuccessorDto, description: 'Who owns the work from now on and how it is financed (carry_on only)' })
  @Optional()
  @Nested(() => SuccessorDto)
  successor?: SuccessorDto;

  @OptionalText({
    max: 4000,
    description: 'Why the owner decides although the final report or an evaluation is missing; without it such a decision answers 422',
  })
  overrideReason?: string;
}

export class LessonsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this region' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  regionId?: string;

  @ApiPropertyOptional({ enum: PHASE_KEYS, description: 'Only lessons about this phase' })
  @Optional()
  @OneOf(PHASE_KEYS)
  phase?: PhaseKey;

  @ApiPropertyOptional({ enum: LESSON_CATEGORIES, description: 'Only lessons in this category' })
  @Optional()
  @OneOf(LESSON_CATEGORIES)
  category?: LessonCategory;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words to search for in the lessons (Norwegian stemming; a part of a word also matches)',
  })
  @Optional()
  @IsString({ message: '$property must be text' })
  @MaxLength(200, { message: '$property must be at most 200 characters' })
  q?: string;
}

// ---------------------------------------------------------------------------------------------------
// Output

export class ReportSectionsDto {
  @ApiProperty() background: string;
  @ApiProperty() goals_results: string;
  @ApiProperty() deliverables: string;
  @ApiProperty() economy: string;
  @ApiProperty() benefits: string;
  @ApiProperty() went_well: string;
  @ApiProperty() went_less_well: string;
  @ApiProperty() recommendations: string;
}

export class LatestStatusReportDto {
  @ApiProperty({ example: '2026-10' })
  period: string;

  @ApiProperty({ type: Number, nullable: true })
  budgetTotal: number | null;

  @ApiProperty({ type: Number, nullable: true })
  spentToDate: number | null;

  @ApiProperty({ type: Number, nullable: true })
  forecast: number | null;
}

export class ReportFactsDto {
  @ApiProperty({ description: 'The costs in the hovedprosjekt’s plan budget, whole kroner' })
  plannedCosts: number;

  @ApiProperty({ description: 'The financing in the hovedprosjekt’s plan budget, whole kroner' })
  plannedFinancing: number;

  @ApiProperty({ type: LatestStatusReportDto, nullable: true, description: 'The newest published status report’s economy' })
  latestStatusReport: LatestStatusReportDto | null;
}

export class ClosingReportDto {
  @ApiProperty({ type: ReportSectionsDto })
  sections: ReportSectionsDto;

  @ApiProperty({ type: Number, nullable: true })
  budgetTotal: number | null;

  @ApiProperty({ type: Number, nullable: true })
  spentTotal: number | null;

  @ApiProperty({ type: ReportFactsDto, description: 'The figures the report was drafted from, as they stand now' })
  facts: ReportFactsDto;

  @ApiProperty({ type: [String], description: 'The sections still without text, in the outline’s order' })
  missing: string[];

  @ApiProperty({ type: PersonDto, nullable: true })
  createdBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: PersonDto, nullable: true })
  updatedBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class FactorScoreDto {
  @ApiProperty({ enum: SUCCESS_FACTORS })
  factor: SuccessFactor;

  @ApiProperty({ type: Number, nullable: true })
  score: number | null;

  @ApiProperty()
  comment: string;
}

export class EvaluationDto {
  @ApiProperty({ enum: EVALUATION_PERSPECTIVES })
  perspective: EvaluationPerspective;

  @ApiProperty({ type: [FactorScoreDto], description: 'All ten factors, in the list’s order' })
  scores: FactorScoreDto[];

  @ApiProperty()
  summary: string;

  @ApiProperty({ description: 'Every factor has a score' })
  complete: boolean;

  @ApiProperty({ type: PersonDto, nullable: true })
  updatedBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class EvaluationsDto {
  @ApiProperty({ type: EvaluationDto, nullable: true, description: 'The project leader’s' })
  leader: EvaluationDto | null;

  @ApiProperty({ type: EvaluationDto, nullable: true, description: 'The owner’s (the regionråd)' })
  owner: EvaluationDto | null;
}

export class FactorComparisonDto {
  @ApiProperty({ enum: SUCCESS_FACTORS })
  factor: SuccessFactor;

  @ApiProperty({ type: Number, nullable: true })
  leader: number | null;

  @ApiProperty({ type: Number, nullable: true })
  owner: number | null;

  @ApiProperty({ description: 'The two differ by two or more' })
  gap: boolean;
}

export class LessonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: PHASE_KEYS })
  phaseKey: PhaseKey;

  @ApiProperty({ enum: LESSON_CATEGORIES })
  category: LessonCategory;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: PersonDto, nullable: true })
  createdBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty()
  version: number;
}

export class SuccessorViewDto {
  @ApiProperty()
  organisation: string;

  @ApiProperty()
  financingText: string;

  @ApiProperty()
  yearlyAmount: number;
}

export class ClosingCheckDto {
  @ApiProperty({ enum: CLOSING_CHECKS })
  key: ClosingCheckKey;

  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: [String], description: 'The report’s empty sections, or the factors without a score' })
  missing: string[];
}

export class ClosingReadinessDto {
  @ApiProperty()
  ready: boolean;

  @ApiProperty({ type: [ClosingCheckDto] })
  checks: ClosingCheckDto[];
}

export class ClosingDecisionDto {
  @ApiProperty({ enum: CLOSING_OUTCOMES })
  outcome: ClosingOutcome;

  @ApiProperty({ format: 'date' })
  meetingDate: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty()
  decisionText: string;

  @ApiProperty({ type: SuccessorViewDto, nullable: true })
  successor: SuccessorViewDto | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the owner decided although something was missing' })
  overrideReason: string | null;

  @ApiProperty({ type: ClosingReadinessDto, description: 'The readiness as it stood when the owner decided' })
  readiness: ClosingReadinessDto;

  @ApiProperty({ type: PersonDto, nullable: true })
  decidedBy: PersonDto | null;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;
}

export class ClosingPermissionsDto {
  @ApiProperty({ description: 'Start and edit the final report (the project leader, while the hovedprosjekt is under way)' })
  editReport: boolean;

  @ApiProperty({ description: 'Save the leader’s evaluation' })
  evaluateAsLeader: boolean;

  @ApiProperty({ description: 'Save the owner’s evaluation (the regionråd)' })
  evaluateAsOwner: boolean;

  @ApiProperty({ description: 'Add, change and delete lessons' })
  editLessons: boolean;

  @ApiProperty({ description: 'Record the closing decision (the regionråd)' })
  decide: boolean;
}

export class HovedprosjektDto {
  @ApiProperty({ enum: PHASE_STATES })
  state: PhaseState;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  actualStart: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  actualEnd: string | null;
}

export class ClosingDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  projectStatus: ProjectStatus;

  @ApiProperty({ type: HovedprosjektDto })
  hovedprosjekt: HovedprosjektDto;

  @ApiProperty({
    enum: ['project_ended', 'not_in_hovedprosjekt', 'at_gate'],
    nullable: true,
    type: String,
    description: 'Why the closing cannot be changed now; null while the hovedprosjekt is under way',
  })
  phaseProblem: ClosingPhaseProblem;

  @ApiProperty({ type: ClosingReportDto, nullable: true })
  report: ClosingReportDto | null;

  @ApiProperty({ type: EvaluationsDto, description: 'The leader’s and the owner’s evaluations, each on its own' })
  evaluations: EvaluationsDto;

  @ApiProperty({ type: [FactorComparisonDto], description: 'The two evaluations side by side, factor by factor' })
  comparison: FactorComparisonDto[];

  @ApiProperty({ type: [LessonDto], description: 'The lessons log, newest first' })
  lessons: LessonDto[];

  @ApiProperty({ type: ClosingDecisionDto, nullable: true })
  decision: ClosingDecisionDto | null;

  @ApiProperty({ type: ClosingReadinessDto })
  readiness: ClosingReadinessDto;

  @ApiProperty({ type: ClosingPermissionsDto })
  permissions: ClosingPermissionsDto;
}

// Learning across regions

export class RegionRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;
}

export class ClosedProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;

  @ApiProperty({ enum: PHASE_KEYS, nullable: true, type: String, description: 'The last phase the project was in' })
  lastPhase: PhaseKey | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When its last phase ended' })
  endedOn: string | null;

  @ApiProperty({ enum: CLOSING_OUTCOMES, nullable: true, type: String })
  outcome: ClosingOutcome | null;

  @ApiProperty({ type: String, nullable: true, description: 'Who carries the work on (carry_on)' })
  successorOrganisation: string | null;
}

export class ScoreStatsDto {
  @ApiProperty()
  count: number;

  @ApiProperty({ type: Number, nullable: true, description: 'The mean, one decimal' })
  average: number | null;

  @ApiProperty({ type: [Number], description: 'How many gave 1, 2, 3, 4 and 5' })
  distribution: number[];
}

export class FactorSummaryDto {
  @ApiProperty({ enum: SUCCESS_FACTORS })
  factor: SuccessFactor;

  @ApiProperty({ type: ScoreStatsDto })
  leader: ScoreStatsDto;

  @ApiProperty({ type: ScoreStatsDto })
  owner: ScoreStatsDto;

  @ApiProperty({ type: ScoreStatsDto })
  all: ScoreStatsDto;
}

export class LessonHitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectName: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ enum: PHASE_KEYS })
  phaseKey: PhaseKey;

  @ApiProperty({ enum: LESSON_CATEGORIES })
  category: LessonCategory;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true, description: 'Who recorded it' })
  createdByName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class LessonsOverviewDto {
  @ApiProperty({ type: [RegionRefDto], description: 'The regions you follow (all for admins), for the filter' })
  regions: RegionRefDto[];

  @ApiProperty({ type: [ClosedProjectDto], description: 'The closed projects in the filter’s regions' })
  projects: ClosedProjectDto[];

  @ApiProperty({ type: [FactorSummaryDto], description: 'Per success factor, the scores of those projects’ evaluations' })
  factors: FactorSummaryDto[];

  @ApiProperty({
    type: [LessonHitDto],
    description: 'Their lessons matching the filter: best match first when searching, else newest first',
  })
  lessons: LessonHitDto[];

  @ApiProperty({ description: 'How many lessons match (the list holds at most 200)' })
  total: number;
}
