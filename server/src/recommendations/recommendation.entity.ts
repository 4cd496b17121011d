import type { NeedCategory, RecommendationStatus } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** What a recommendation's evidence points at: a survey (or one of its questions) or a conversation. */
export type EvidenceRef = { kind: 'survey'; surveyId: string; questionKey?: string } | { kind: 'conversation'; conversationId: string };

/** A recommendation (anbefaling) with its reasoning (begrunnelse) and evidence, on its way to the owner. */
@Entity('recommendation')
@Index('recommendation_project_idx', ['projectId', 'position'])
@Check('recommendation_title_not_blank', `btrim(title) <> ''`)
@Check('recommendation_status', `status IN ('proposed', 'put_to_owner', 'adopted', 'rejected', 'examine_next')`)
export class Recommendation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'recommendation_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  reasoning: string;

  @Column({ type: 'text', default: '' })
  evidence: string;

  @Column({ name: 'evidence_refs', type: 'jsonb', default: () => "'[]'" })
  evidenceRefs: EvidenceRef[];

  @Column({ name: 'models_compared', type: 'text', default: '' })
  modelsCompared: string;

  @Column({ type: 'text', array: true, default: [] })
  needs: NeedCategory[];

  @Column({ type: 'text', default: 'proposed' })
  status: RecommendationStatus;

  @Column({ name: 'status_note', type: 'text', default: '' })
  statusNote: string;

  /** Set when the adopted recommendation became a sub-goal of the next phase's plan. */
  @Column({ name: 'subgoal_key', type: 'text', nullable: true })
  subgoalKey: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'recommendation_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'recommendation_created_by_fkey' })
  creator?: AppUser | null;
}
