import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_OUTCOMES, type DecisionOutcome, PHASE_KEYS, PHASE_STATES, type PhaseKey, type PhaseState } from '@nvr/shared';
import { IsBoolean, IsIn, IsString, MaxLength, ValidateIf } from 'class-validator';
import { OptionalText, RequiredDate, RequiredText, ValidateUUID, Optional } from '../common/validation';
import { FileInfoDto } from '../files/file.service';
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

  @ApiProperty({ type: DecisionDto, nullable: true })
  decision: DecisionDto | null;
}

export class GatePermissionsDto {
  @ApiProperty({ description: 'Tick checkpoints and submit for decision (project leader)' }) submit: boolean;
  @ApiProperty({ description: 'Record the decision (regionråd)' }) decide: boolean;
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

  @ApiProperty({ type: GatePermissionsDto })
  permissions: GatePermissionsDto;
}
