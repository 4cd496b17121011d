import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, MaxLength, Min, ValidateIf, IsUUID } from 'class-validator';
import { OptionalDate, RequiredText, Optional } from '../common/validation';
import { FileInfoDto } from '../files/file.service';
import { DeliverableSummaryDto } from '../projects/project.dto';

export class UpdateDeliverableDto {
  @ApiPropertyOptional({ maxLength: 200000, description: 'The deliverable’s text (plain text or Markdown)' })
  @Optional()
  @IsString()
  @MaxLength(200000, { message: '$property is longer than 200 000 characters; attach a file instead' })
  content?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('all', { message: '$property must be a UUID' })
  ownerUserId?: string | null;

  @OptionalDate({ nullable: true })
  dueDate?: string | null;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class ReviewDeliverableDto {
  @ApiProperty({ enum: ['accepted', 'returned'] })
  @IsIn(['accepted', 'returned'], { message: '$property must be accepted or returned' })
  outcome: 'accepted' | 'returned';

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Required when returning: what must change' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class NotRequiredDto {
  @RequiredText({ max: 2000, description: 'Why this deliverable is not needed here' })
  reason: string;
}

export class DeliverableDto extends DeliverableSummaryDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: ['forstudie', 'forprosjekt', 'hovedprosjekt'] })
  phaseKey: string;

  @ApiProperty()
  content: string;

  @ApiProperty({ nullable: true, type: String })
  notRequiredReason: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The regionråd’s comment when accepting or returning' })
  reviewComment: string | null;

  @ApiProperty({ type: [FileInfoDto] })
  files: FileInfoDto[];

  @ApiProperty({ description: 'Whether you may edit it now' })
  editable: boolean;
}
