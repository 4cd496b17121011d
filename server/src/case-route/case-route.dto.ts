import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BODY_KINDS, type BodyKind, DECISION_OUTCOMES, type DecisionOutcome, type PhaseKey } from '@nvr/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsUUID } from 'class-validator';
import { Nested, Optional, OptionalText, RequiredDate, RequiredText } from '../common/validation';
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

/** The phases that end in a gate. */
export const GATE_PHASE_KEYS = ['forstudie', 'forprosjekt', 'hovedprosjekt'] as const satisfies readonly PhaseKey[];

/** One body of a region's case route. */
export class RegionBodyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Rådmannsgruppen' }) name: string;
  @ApiProperty({ enum: BODY_KINDS }) kind: BodyKind;
  @ApiProperty({ description: 'Its place in the route, from 0' }) position: number;
  @ApiProperty({ description: 'The project owner (prosjekteier): decides every gate it has not delegated' }) isOwner: boolean;
  @ApiProperty({ enum: GATE_PHASE_KEYS, isArray: true, description: 'The gates it has been named to decide' })
  decidesGates: PhaseKey[];
}

/** Which body decides each kind of gate; null: the owner decides. */
export class CaseRouteDecidersDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) forstudie: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) forprosjekt: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) hovedprosjekt: string | null;
}

export class CaseRoutePermissionsDto {
  @ApiProperty({ description: 'Change the route (the regionråd secretariat or an admin)' }) edit: boolean;
}

/** A region's bodies in the order its cases pass them, and who decides each kind of gate. */
export class CaseRouteDto {
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty({ description: 'The regionråd: holds a case alone when the region has no bodies', example: 'Glåmdal regionråd' })
  councilName: string;
  @ApiProperty({ type: [RegionBodyDto] }) bodies: RegionBodyDto[];
  @ApiProperty({ type: CaseRouteDecidersDto }) deciders: CaseRouteDecidersDto;
  @ApiProperty({ description: 'Send it back when saving; a route changed in between answers 409 VERSION_CONFLICT' }) version: string;
  @ApiProperty({ type: CaseRoutePermissionsDto }) permissions: CaseRoutePermissionsDto;
}

export class SaveRegionBodyDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing body; leave out for a new one' })
  @Optional()
  @IsUUID('all', { message: '$property must be a UUID' })
  id?: string;

  @RequiredText({ max: 120, example: 'Rådmannsgruppen' })
  name: string;

  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS, { message: `$property must be one of: ${BODY_KINDS.join(', ')}` })
  kind: BodyKind;

  @ApiProperty({ description: 'The project owner (prosjekteier); exactly one body is' })
  @IsBoolean({ message: '$property must be true or false' })
  isOwner: boolean;

  @ApiProperty({
    enum: GATE_PHASE_KEYS,
    isArray: true,
    description: 'The gates the owner has delegated to this body (or that the owner decides itself)',
  })
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(GATE_PHASE_KEYS.length)
  @IsIn(GATE_PHASE_KEYS, { each: true, message: `each of $property must be one of: ${GATE_PHASE_KEYS.join(', ')}` })
  decidesGates: PhaseKey[];
}

/** The whole route, replaced at once: bodies in order (position = place in the list). */
export class SaveCaseRouteDto {
  @RequiredText({ max: 100, description: 'The version read with the route' })
  version: string;

  @ApiProperty({ type: [SaveRegionBodyDto], maxItems: 12 })
  @IsArray({ message: '$property must be a list' })
  @ArrayMaxSize(12, { message: 'A case route has at most 12 bodies' })
  @Nested(() => SaveRegionBodyDto, { each: true })
  bodies: SaveRegionBodyDto[];
}

/** A body's handling of the case: its meeting, case number and innstilling. */
export class HandleCaseStepDto {
  @RequiredDate({ example: '2027-03-12', description: 'The date of the body’s meeting (not in the future)' })
  meetingDate: string;

  @RequiredText({ max: 60, example: '8/27', description: 'Saksnummer in the body’s meeting' })
  caseNumber: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, description: 'The outcome the body recommends (innstilling)' })
  @Optional()
  @IsIn(DECISION_OUTCOMES, { message: `$property must be one of: ${DECISION_OUTCOMES.join(', ')}` })
  recommendedOutcome?: DecisionOutcome;

  @OptionalText({ max: 20000, description: 'The innstilling as the body wrote it' })
  recommendation?: string;
}
