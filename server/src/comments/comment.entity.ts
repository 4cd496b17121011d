import type { CommentTargetType } from '@nvr/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** A comment on a plan, deliverable or status report of a project; deleting keeps the row (deletedAt). */
@Entity('comment')
@Check('comment_target_type', `target_type IN ('phase_plan', 'deliverable', 'status_report')`)
@Check('comment_body_not_blank', `btrim(body) <> ''`)
@Index('comment_target_idx', ['projectId', 'targetType', 'targetId', 'createdAt'])
export class Comment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'comment_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: CommentTargetType;

  /** The phase plan, deliverable or status report; no foreign key, as it names one of three tables. */
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'mentioned_user_ids', type: 'uuid', array: true, default: [] })
  mentionedUserIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** Set when the comment is deleted; a plain column, not a soft-delete column, so finds still see it. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'comment_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'comment_author_id_fkey' })
  author?: AppUser | null;
}
