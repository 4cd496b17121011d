import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KOMMUNE_CASE_OUTCOMES, KOMMUNE_DECISIONS, type KommuneCaseOutcome, type KommuneDecision } from '@nvr/shared';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { Optional, OptionalDate, OptionalText, RequiredDate } from '../common/validation';

export class KommuneCaseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) kommuneId: string;
  @ApiProperty() kommuneName: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ description: 'The kommune’s cost-sharing share of the next phase, whole kroner' }) share: number;
  @ApiProperty({ enum: KOMMUNE_CASE_OUTCOMES }) outcome: KommuneCaseOutcome;
  @ApiProperty({ format: 'date', nullable: true, type: String }) meetingDate: string | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionText: string | null;
  @ApiProperty({ nullable: true, type: Number }) amountCommitted: number | null;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) recordedAt: string | null;
  @ApiProperty() version: number;
}

export class KommuneDecisionSummaryDto {
  @ApiProperty() total: number;
  @ApiProperty() decided: number;
  @ApiProperty() yes: number;
  @ApiProperty() yesWithChanges: number;
  @ApiProperty() no: number;
  @ApiProperty() notHandled: number;
  @ApiProperty() pending: number;
  @ApiProperty({ description: 'Pending cases past their deadline' }) overdue: number;
  @ApiProperty() shareTotal: number;
  @ApiProperty() committed: number;
  @ApiProperty({ description: 'What the shares lack in commitments' }) gap: number;
}

export class ContinuingShareDto {
  @ApiProperty({ format: 'uuid' }) kommuneId: string;
  @ApiProperty() kommuneName: string;
  @ApiProperty({ description: 'The share at submission' }) before: number;
  @ApiProperty({ description: 'The share when the same total is split among the kommuner that go on' }) after: number;
}

/** Each kommunestyre's decision on a submitted gate, with what a "no" means for the others. */
export class KommuneCasesDto {
  @ApiProperty({ type: [KommuneCaseDto] }) cases: KommuneCaseDto[];
  @ApiProperty({ type: KommuneDecisionSummaryDto }) summary: KommuneDecisionSummaryDto;
  @ApiProperty({
    type: [ContinuingShareDto],
    nullable: true,
    description: 'When a kommune said no: the cost sharing recomputed among the others (null when none said no)',
  })
  continuing: ContinuingShareDto[] | null;
}

/** A kommunestyre's decision on its case, as the kommune contact or the secretariat records it. */
export class RecordKommuneDecisionDto {
  @ApiProperty({ enum: KOMMUNE_DECISIONS })
  @IsIn(KOMMUNE_DECISIONS, { message: `$property must be one of: ${KOMMUNE_DECISIONS.join(', ')}` })
  outcome: KommuneDecision;

  @OptionalDate({ example: '2027-04-10', description: 'The kommunestyre’s meeting (not in the future); required unless not_handled' })
  meetingDate?: string;

  @OptionalText({ max: 60, example: '22/27', description: 'Saksnummer; required unless not_handled' })
  caseNumber?: string;

  @OptionalText({ max: 20000, description: 'The kommunestyre’s vedtak; required for yes_with_changes and no' })
  decisionText?: string;

  @ApiPropertyOptional({ description: 'Whole kroner the kommune commits; for yes it defaults to its share' })
  @Optional()
  @IsInt({ message: '$property must be a whole number of kroner' })
  @Min(0, { message: '$property must not be negative' })
  @Max(1_000_000_000_000, { message: '$property is too large' })
  amountCommitted?: number;

  @ApiProperty({ description: 'The case’s version as read' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1, { message: '$property must be at least 1' })
  version: number;
}

/** The deadline for every kommunestyre that has not decided yet. */
export class SetKommuneDeadlineDto {
  @RequiredDate({ example: '2027-04-15', description: 'Today or later' })
  deadline: string;
}
