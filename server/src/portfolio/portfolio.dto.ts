import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ProjectSummaryDto } from '../projects/project.dto';
import {
  COUNTY_NAMES,
  PHASE_KEYS,
  PHASE_STATES,
  PORTFOLIO_SORT_KEYS,
  PROJECT_STATUSES,
  SORT_ORDERS,
  WAITING_ON_KINDS,
  type WaitingOnKind,
  type DurationStatus,
  type PhaseKey,
  type PhaseState,
  type PortfolioSortKey,
  type ProjectStatus,
  type SortOrder,
  type Lang,
} from '@nvr/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PersonDto } from '../common/person.dto';
import { ReportColoursDto } from '../status-reports/status-report.dto';
import { Optional } from '../common/validation';

const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of: ${values.join(', ')}` });

export class PortfolioFilterDto {
  @ApiPropertyOptional({ enum: COUNTY_NAMES, description: 'Projects with a participating kommune in this county' })
  @Optional()
  @oneOf(COUNTY_NAMES)
  county?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  regionId?: string;

  @ApiPropertyOptional({ enum: PHASE_KEYS, description: 'The phase the project is in now' })
  @Optional()
  @oneOf(PHASE_KEYS)
  phase?: PhaseKey;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @Optional()
  @oneOf(PROJECT_STATUSES)
  status?: ProjectStatus;
}

/** Filters and order: what the table, its pages and the export share. */
export class PortfolioOrderDto extends PortfolioFilterDto {
  @ApiPropertyOptional({
    enum: PORTFOLIO_SORT_KEYS,
    default: 'name',
    description: 'Ties go by project name, region name and id; rows without a value come last either way',
  })
  @Optional()
  @oneOf(PORTFOLIO_SORT_KEYS)
  sort?: PortfolioSortKey;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' })
  @Optional()
  @oneOf(SORT_ORDERS)
  order?: SortOrder;
}

export const PORTFOLIO_PAGE_DEFAULT = 50;
export const PORTFOLIO_PAGE_MAX = 200;

/** A page of the portfolio: keyset pagination, `after` being the `nextCursor` of the page before. */
export class PortfolioQueryDto extends PortfolioOrderDto {
  @ApiPropertyOptional({ minimum: 1, maximum: PORTFOLIO_PAGE_MAX, default: PORTFOLIO_PAGE_DEFAULT, description: 'Rows per page' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: `$property must be at least 1` })
  @Max(PORTFOLIO_PAGE_MAX, { message: `$property must be at most ${PORTFOLIO_PAGE_MAX}` })
  limit?: number;

  @ApiPropertyOptional({
    description: 'The nextCursor of the previous page (with the same sort and order); leave out for the first page',
    maxLength: 2000,
  })
  @Optional()
  @IsString({ message: '$property must be text' })
  @MaxLength(2000, { message: '$property must be at most $constraint1 characters' })
  after?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class PortfolioExportQueryDto extends PortfolioOrderDto {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'csv',
    description: 'csv: semicolon-separated UTF-8 with BOM (opens in Norwegian Excel); xlsx: an Excel workbook',
  })
  @Optional()
  @oneOf(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiPropertyOptional({ enum: ['nb', 'nn', 'en'], default: 'nb', description: 'The language of the column headings and values' })
  @Optional()
  @oneOf(['nb', 'nn', 'en'])
  lang?: Lang;
}

export class RecommendedMonthsDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
}

export class LatestReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026-10' })
  period: string;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ type: ReportColoursDto })
  colours: ReportColoursDto;
}

export class NextGateDto {
  @ApiProperty({ enum: PHASE_KEYS, description: 'The phase the gate ends' })
  phaseKey: PhaseKey;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The phase’s planned end' })
  expectedDate: string | null;
}

export class WaitingOnDto {
  @ApiProperty({
    enum: WAITING_ON_KINDS,
    description:
      'leader: the phase is being worked on; body: the gate’s case is at a body (name); kommuner: the kommunestyrer have still to decide; none: the project has ended',
  })
  kind: WaitingOnKind;

  @ApiProperty({ nullable: true, type: String, description: 'The leader’s or the body’s name' })
  name: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Since when it has waited' })
  since: string | null;
}

export class PortfolioRowDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  regionId: string;

  @ApiProperty()
  regionName: string;

  @ApiProperty({ type: [String], description: 'Counties of the participating kommuner' })
  counties: string[];

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: ProjectStatus;

  @ApiProperty({ enum: PHASE_KEYS, nullable: true })
  currentPhaseKey: PhaseKey | null;

  @ApiProperty({ enum: PHASE_STATES, nullable: true })
  currentPhaseState: PhaseState | null;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  phaseStartedOn: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Whole months in the current phase' })
  monthsInPhase: number | null;

  @ApiProperty({ type: RecommendedMonthsDto, nullable: true })
  recommendedMonths: RecommendedMonthsDto | null;

  @ApiProperty({ enum: ['unknown', 'within', 'short', 'long', 'no_recommendation'] })
  durationStatus: DurationStatus;

  @ApiProperty({ type: LatestReportDto, nullable: true, description: 'The latest published status report' })
  latestReport: LatestReportDto | null;

  @ApiProperty({ description: 'Deliverables past their due date and neither accepted nor not required' })
  overdueDeliverables: number;

  @ApiProperty({ type: NextGateDto, nullable: true })
  nextGate: NextGateDto | null;

  @ApiProperty({ type: PersonDto, nullable: true })
  leader: PersonDto | null;

  @ApiProperty({ type: WaitingOnDto, description: 'Who the project waits on now' })
  waitingOn: WaitingOnDto;
}

/** Counts over every project that matches the filters, not only the page. */
export class PortfolioTotalsDto {
  @ApiProperty({ description: 'Projects that match the filters' })
  projects: number;

  @ApiProperty({ description: 'Of those, projects with at least one overdue deliverable' })
  withOverdueDeliverables: number;

  @ApiProperty({ description: 'Of those, projects whose phase awaits a decision' })
  awaitingDecision: number;
}

export class PortfolioDto {
  @ApiProperty({ format: 'date', description: 'The day the figures are for (Oslo time)' })
  asOf: string;

  @ApiProperty({ type: [PortfolioRowDto], description: 'One page, in the asked order' })
  rows: PortfolioRowDto[];

  @ApiProperty({ type: PortfolioTotalsDto })
  totals: PortfolioTotalsDto;

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class TimelinePhaseDto {
  @ApiProperty({ enum: PHASE_KEYS })
  key: PhaseKey;

  @ApiProperty({ enum: PHASE_STATES })
  state: PhaseState;

  @ApiProperty({ format: 'date', nullable: true, type: String }) plannedStart: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) plannedEnd: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) actualStart: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) actualEnd: string | null;
}

/** A project on the timeline: the summary's identity and status, with every phase's dates. */
export class TimelineProjectDto extends PickType(ProjectSummaryDto, [
  'id',
  'name',
  'regionId',
  'regionName',
  'status',
  'currentPhaseKey',
] as const) {
  @ApiProperty({ type: [TimelinePhaseDto], description: 'In order: forstudie, forprosjekt, hovedprosjekt' })
  phases: TimelinePhaseDto[];
}

export class TimelineDto {
  @ApiProperty({ format: 'date' })
  asOf: string;

  @ApiProperty({ type: [TimelineProjectDto], description: 'The projects of one portfolio page, in its order' })
  projects: TimelineProjectDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
