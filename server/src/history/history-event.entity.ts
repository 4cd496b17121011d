import type { ProjectHistoryAction } from '@nvr/shared';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** One entry of a project's history, append-only (a trigger refuses UPDATE and DELETE). */
@Entity('history_event')
// (project_id, id DESC): TypeORM cannot declare a descending index column; the migration owns it.
@Index('history_event_project_idx', { synchronize: false })
export class HistoryEvent {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'history_event_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The actor's name when it happened, kept after the account is gone. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ type: 'text' })
  action: ProjectHistoryAction;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'history_event_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'history_event_actor_id_fkey' })
  actor?: AppUser | null;
}
