import { ApiProperty } from '@nestjs/swagger';
import { KOMMUNE_CASE_OUTCOMES, type KommuneCaseOutcome } from '@nvr/shared';

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
