import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@nvr/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { Optional } from '../common/validation';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ description: 'Only unread notifications', type: Boolean })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  unreadOnly?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: '$property must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  projectId: string | null;

  @ApiProperty({ nullable: true, type: String })
  projectName: string | null;

  @ApiProperty({
    enum: ['comment', 'deliverable', 'phase', 'gate', 'project', 'case_step', 'gate_decision', 'kommune_case', 'gate_condition'],
    description: 'What the notification is about (gate: a submission)',
  })
  targetType: string;

  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty({ description: 'The reminder’s period (a date, week or month); empty for mentions' })
  period: string;

  @ApiProperty({ description: 'Short text in Norwegian bokmål; the web app may build its own from kind and params' })
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '/prosjekter/0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b',
    description: 'Where in the web app it leads',
  })
  link: string | null;

  @ApiProperty({ type: Object, description: 'Facts for the text, e.g. the deliverable’s due date' })
  params: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String, description: 'Who caused it (mentions and hand-overs)' })
  actorName: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  readAt: string | null;
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' })
  items: NotificationDto[];

  @ApiProperty()
  unreadCount: number;
}

export class UnreadCountDto {
  @ApiProperty()
  unreadCount: number;
}

export class ReadAllDto extends UnreadCountDto {
  @ApiProperty({ description: 'How many were marked read' })
  marked: number;
}
