import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS, type BodyKind, DECISION_OUTCOMES, type DecisionOutcome } from '@nvr/shared';
import { FileInfoDto } from '../files/file.service';

/** One body's handling of a gate's case, as the gate shows it. */
export class CaseStepDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bodyId: string | null;
  @ApiProperty() bodyName: string;
  @ApiProperty({ enum: BODY_KINDS }) bodyKind: BodyKind;
  @ApiProperty({ description: 'This body decides the gate' }) decides: boolean;
  @ApiProperty({ description: 'The case is at this body now' }) current: boolean;
  @ApiProperty({ format: 'date', nullable: true, type: String }) meetingDate: string | null;
  @ApiProperty({ nullable: true, type: String }) caseNumber: string | null;
  @ApiProperty({ enum: DECISION_OUTCOMES, nullable: true, type: String }) recommendedOutcome: DecisionOutcome | null;
  @ApiProperty({ nullable: true, type: String, description: 'The innstilling, as recorded' }) recommendation: string | null;
  @ApiProperty({ type: FileInfoDto, nullable: true }) minutesFile: FileInfoDto | null;
  @ApiProperty({ nullable: true, type: String }) handledBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) handledAt: string | null;
}
