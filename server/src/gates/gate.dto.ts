import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONDITION_STATES,
  type ConditionState,
  DECISION_OUTCOMES,
  type DecisionOutcome,
  PHASE_KEYS,
  PHASE_STATES,
  type PhaseKey,
  type PhaseState,
} from '@nvr/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CaseStepDto } from '../case-route/case-route.dto';
import { Nested, OptionalDate, OptionalText, RequiredDate, RequiredText, ValidateUUID, Optional } from '../common/validation';
import { FileInfoDto } from '../files/file.service';
import { KommuneCasesDto } from '../kommune-cases/kommune-case.dto';
import { ReadinessDto } from '../projects/project.dto';

export class SetCheckpointDto {
  @ApiProperty()
  @IsBoolean({ message: '$property must be true or false' })
  checked: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

export class SubmitGateDto {
  @OptionalText({ max: 4000, nullable: true, description: 'A note to the regionråd' })
  note?: string | null;

  @OptionalDate({
    example: '2027-04-15',
    description: 'The deadline for the kommunestyrer’s decisions (after today); by default six weeks from today',
  })
  kommuneDeadline?: string;
}

/** One condition of an approval, as the deciding body wrote it. */
export class ConditionItemDto {
  @RequiredText({ max: 2000, example: 'Finansieringen fra fylkeskommunen er bekreftet', description: 'The condition' })
  text: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Who follows it up (an active account)' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  ownerUserId?: string | null;

  @OptionalDate({ nullable: true, example: '2027-06-30', description: 'When it must be met' })
  dueDate?: string | null;
}

/** What a send-back reopens for the project to redo. */
export class ReopenDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Deliverables of this phase (or the plan deliverable) to return' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: '$property must not name a deliverable twice' })
  @IsUUID('all', { each: true, message: 'each of $property must be a UUID' })
  deliverableIds: string[];

  @ApiProperty({ type: [String], description: 'Section keys of the next phase’s plan to rework' })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: '$property must not name a section twice' })
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  planSections: string[];

  @ApiProperty({ description: 'The next phase’s budget must be reworked' })
  @IsBoolean({ message: '$property must be true or false' })
  budget: boolean;
}

export class RecordDecisionDto {
  @ValidateUUID({ description: 'The submission decided on (from the gate); guards against deciding twice' })
  submissionId: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES, { message: `$property must be one of: ${DECISION_OUTCOMES.join(', ')}` })
  outcome: DecisionOutcome;

  @RequiredDate({ example: '2009-02-03', description: 'The date of the regionråd’s meeting' })
  meetingDate: string;

  @RequiredText({ max: 60, example: '12/09', description: 'Saksnummer' })
  caseNumber: string;

  @RequiredText({
    max: 20000,
    example: 'Regionrådet godkjenner forstudien og vedtar oppstart av forprosjekt.',
    description: 'The decision (vedtak) as recorded',
  })
  decisionText: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Required when approving with conditions' })
  @Optional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(8000)
  conditions?: string | null;

  @ApiPropertyOptional({
    type: [ConditionItemDto],
    description: 'The conditions one by one, each followed up in the next phase (approved_with_conditions); 1 to 20',
  })
  @Optional()
  @IsArray()
  @ArrayMinSize(1, { message: '$property must hold at least one condition' })
  @ArrayMaxSize(20, { message: '$property must hold at most 20 conditions' })
  @Nested(() => ConditionItemDto, { each: true })
  conditionItems?: ConditionItemDto[];

  @ApiPropertyOptional({ type: ReopenDto, description: 'What a send-back reopens (sent_back only)' })
  @Optional()
  @Nested(() => ReopenDto)
  reopen?: ReopenDto;
}

export class ProposedDecisionDto {
  @ValidateUUID({ description: 'The submission awaiting decision' })
  submissionId: string;

  @RequiredText({ max: 20000, description: 'The proposed decision (forslag til vedtak)' })
  text: string;
}

export class UpdateConditionDto {
  @ApiProperty({ enum: CONDITION_STATES })
  @IsIn(CONDITION_STATES, { message: `$property must be one of: ${CONDITION_STATES.join(', ')}` })
  state: ConditionState;

  @OptionalText({ max: 4000, nullable: true, description: 'How it was met, or why it is waived' })
  note?: string | null;

  @ApiProperty({ description: 'The version of the condition you read' })
  @IsInt({ message: '$property must be a whole number' })
  @Min(0)
  version: number;
}

export class ConditionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty({ enum: PHASE_KEYS, description: 'The phase whose gate decided it' }) decidedInPhase: PhaseKey;
  @ApiProperty({ enum: PHASE_KEYS, description: 'The phase in which it is followed up' }) phaseKey: PhaseKey;
  @ApiProperty() position: number;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ enum: CONDITION_STATES }) state: ConditionState;
  @ApiProperty({ nullable: true, type: String }) resolutionNote: string | null;
  @ApiProperty({ type: FileInfoDto, nullable: true }) file: FileInfoDto | null;
  @ApiProperty({ nullable: true, type: String }) resolvedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() version: number;
}

export class ConditionItemViewDto {
  @ApiProperty() text: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerUserId: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) dueDate: string | null;
}

export class ReopenedDto {
  @ApiProperty({ type: [String], format: 'uuid' }) deliverableIds: string[];
  @ApiProperty({ type: [String] }) planSections: string[];
  @ApiProperty() budget: boolean;
}

export class PackageDeliverableDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) key: string | null;
  @ApiProperty() title: string;
  @ApiProperty() version: number;
  @ApiProperty() state: string;
}

export class PackagePlanDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The plan version frozen at submission' }) snapshotNumber: number | null;
  @ApiProperty({ description: 'Required fields still empty' }) missing: number;
  @ApiProperty() version: number;
}

export class PackageBudgetDto {
  @ApiProperty() costs: number;
  @ApiProperty() financing: number;
}

/** What a submission held: the deliverables, the next phase's plan and its budget. */
export class GatePackageDto {
  @ApiProperty({ type: [PackageDeliverableDto] }) deliverables: PackageDeliverableDto[];
  @ApiProperty({ type: PackagePlanDto, nullable: true }) plan: PackagePlanDto | null;
  @ApiProperty({ type: PackageBudgetDto, nullable: true }) budget: PackageBudgetDto | null;
}

export class PackageChangeDto {
  @ApiProperty({ enum: ['deliverable', 'plan', 'budget'] }) kind: 'deliverable' | 'plan' | 'budget';
  @ApiProperty() id: string;
  @ApiProperty() title: string;
}

export class CheckpointDto {
  @ApiProperty()
  key: string;

  @ApiProperty()
  checked: boolean;

  @ApiProperty({ nullable: true, type: String })
  comment: string | null;

  @ApiProperty({ nullable: true, type: String })
  updatedBy: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt: string | null;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  outcome: DecisionOutcome;

  @ApiProperty({ format: 'date' })
  meetingDate: string;

  @ApiProperty()
  caseNumber: string;

  @ApiProperty()
  decisionText: string;

  @ApiProperty({ nullable: true, type: String })
  conditions: string | null;

  @ApiProperty({ type: FileInfoDto, nullable: true })
  minutesFile: FileInfoDto | null;

  @ApiProperty({ nullable: true, type: String })
  decidedBy: string | null;

  @ApiProperty({ format: 'date-time' })
  decidedAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'The body that decided' })
  bodyName: string | null;

  @ApiProperty({ type: ReopenedDto, nullable: true, description: 'What a send-back reopened' })
  reopened: ReopenedDto | null;

  @ApiProperty({ type: [ConditionItemViewDto], description: 'The conditions of an approval, one by one' })
  conditionItems: ConditionItemViewDto[];
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ nullable: true, type: String })
  submittedBy: string | null;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ type: ReadinessDto, description: 'The checklist as it stood when the phase was submitted' })
  readiness: ReadinessDto;

  @ApiProperty({ type: GatePackageDto, nullable: true, description: 'What the package held (null for submissions before packages)' })
  package: GatePackageDto | null;

  @ApiProperty({ nullable: true, type: String, description: 'The proposed decision (forslag til vedtak)' })
  proposedDecision: string | null;

  @ApiProperty({ type: DecisionDto, nullable: true })
  decision: DecisionDto | null;
}

export class GatePermissionsDto {
  @ApiProperty({ description: 'Tick checkpoints and submit for decision (project leader)' }) submit: boolean;
  @ApiProperty({ description: 'Record the decision (regionråd)' }) decide: boolean;
  @ApiProperty({ description: 'Record a body’s handling of the case (secretariat)' }) handleStep: boolean;
  @ApiProperty({ description: 'Record a kommunestyre’s decision (kommune contact or secretariat)' }) recordKommune: boolean;
  @ApiProperty({ description: 'Edit the proposed decision (secretariat, or the leader while awaiting decision)' })
  editProposedDecision: boolean;
  @ApiProperty({ description: 'Mark conditions met, with a note or a file (project leader and team)' }) resolveConditions: boolean;
  @ApiProperty({ description: 'Waive or reopen conditions (the owner)' }) waiveConditions: boolean;
}

export class GateDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: PHASE_KEYS })
  phaseKey: PhaseKey;

  @ApiProperty({ enum: PHASE_STATES })
  phaseState: PhaseState;

  @ApiProperty({ type: ReadinessDto })
  readiness: ReadinessDto;

  @ApiProperty({ type: [CheckpointDto] })
  checkpoints: CheckpointDto[];

  @ApiProperty({ type: [SubmissionDto], description: 'Newest first' })
  submissions: SubmissionDto[];

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The submission waiting for a decision' })
  pendingSubmissionId: string | null;

  @ApiProperty({ type: [CaseStepDto], description: 'The case route of the pending or newest submission, in order' })
  caseRoute: CaseStepDto[];

  @ApiProperty({ type: KommuneCasesDto, nullable: true, description: 'Each kommunestyre’s decision on the pending or newest submission' })
  kommuneCases: KommuneCasesDto | null;

  @ApiProperty({
    type: [ConditionDto],
    description: 'Conditions followed up in this phase, and the conditions this gate’s own approval set',
  })
  conditions: ConditionDto[];

  @ApiProperty({ nullable: true, type: String, description: 'The proposed decision of the pending or newest submission' })
  proposedDecision: string | null;

  @ApiProperty({ type: [PackageChangeDto], description: 'What changed between the two newest submissions' })
  changesSinceLast: PackageChangeDto[];

  @ApiProperty({ type: GatePermissionsDto })
  permissions: GatePermissionsDto;
}
