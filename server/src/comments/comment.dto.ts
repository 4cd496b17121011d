import { ApiProperty } from '@nestjs/swagger';
import { COMMENT_TARGET_TYPES, type CommentTargetType } from '@nvr/shared';
import { IsIn, IsInt, Min } from 'class-validator';
import { RequiredText, ValidateUUID } from '../common/validation';
import { PersonDto } from '../common/person.dto';

const TargetType = () => IsIn(COMMENT_TARGET_TYPES, { message: `$property must be one of: ${COMMENT_TARGET_TYPES.join(', ')}` });

export class CommentTargetQueryDto {
  @ApiProperty({ enum: COMMENT_TARGET_TYPES })
  @TargetType()
  targetType: CommentTargetType;

  @ValidateUUID({ description: 'The phase’s id (for phase_plan), the deliverable’s or the status report’s' })
  targetId: string;
}

export class CreateCommentDto extends CommentTargetQueryDto {
  @RequiredText({
    max: 8000,
    example: 'Fint arbeid! @kari@kongsberg.kommune.no kan du se på økonomidelen?',
    description:
      'Plain text; @e-mail or @user-id mentions notify those people. A mention of anyone who may not read the project refuses the comment (422 COMMENT_MENTION_UNKNOWN); see GET …/mentionable-people',
  })
  body: string;
}

export class UpdateCommentDto {
  @RequiredText({ max: 8000 })
  body: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  version: number;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ enum: COMMENT_TARGET_TYPES })
  targetType: CommentTargetType;

  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ type: PersonDto, nullable: true })
  author: PersonDto | null;

  @ApiProperty({ type: [PersonDto], description: 'The people mentioned who may read the project (they were notified)' })
  mentions: PersonDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  editedAt: string | null;

  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'You wrote it and may edit it' })
  editable: boolean;

  @ApiProperty({ description: 'You may delete it (your own, or as administrator)' })
  deletable: boolean;
}
