import type { NotificationKind } from '@nvr/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** An in-app notification; (kind, target, recipient, period) is unique, so each is sent once. */
@Entity('notification')
@Unique('notification_once', ['kind', 'targetId', 'recipientId', 'period'])
@Check(
  'notification_kind',
  `kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue', 'phase_too_long', 'gate_awaiting_decision', 'status_report_due', 'gate_submitted', 'case_at_body', 'gate_decided', 'deliverable_reviewed', 'kommune_case_opened', 'kommune_deadline_near', 'condition_due', 'benefit_measurement_due')`,
)
// (recipient_id, created_at DESC): TypeORM cannot declare a descending index column; the migration owns it.
@Index('notification_recipient_idx', { synchronize: false })
@Index('notification_unread_idx', ['recipientId'], { where: `read_at IS NULL` })
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notification_pkey' })
  id: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  /** Which occurrence (e.g. the month of a reminder); '' for one-off notifications. */
  @Column({ type: 'text', default: '' })
  period: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'jsonb', default: {} })
  params: Record<string, unknown>;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_recipient_id_fkey' })
  recipient?: AppUser;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'notification_project_id_fkey' })
  project?: Project | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'notification_actor_id_fkey' })
  actor?: AppUser | null;
}
