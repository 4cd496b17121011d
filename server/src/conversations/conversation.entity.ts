import type { ConversationKind, NeedCategory } from '@nvr/shared';
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
import { Kommune } from '../kommuner/kommune.entity';
import { Project } from '../projects/project.entity';
import { TemplateVersion } from '../templates/template.entity';
import { AppUser } from '../users/user.entity';

/** An interview, meeting or workshop of the kartlegging, with notes per guide section and the needs it showed. */
@Entity('conversation')
@Index('conversation_project_idx', ['projectId', 'heldOn'])
@Check('conversation_kind', `kind IN ('interview', 'meeting', 'workshop')`)
@Check('conversation_title_not_blank', `btrim(title) <> ''`)
@Check('conversation_participant_count', `participant_count BETWEEN 1 AND 10000`)
@Check('conversation_names_consent', `participant_names IS NULL OR names_consent`)
export class Conversation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'conversation_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  kind: ConversationKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ name: 'kommune_id', type: 'uuid', nullable: true })
  kommuneId: string | null;

  @Column({ name: 'participant_count', type: 'integer' })
  participantCount: number;

  /** Only with the participants' consent. */
  @Column({ name: 'participant_names', type: 'text', nullable: true })
  participantNames: string | null;

  @Column({ name: 'names_consent', type: 'boolean', default: false })
  namesConsent: boolean;

  @Column({ name: 'guide_template_version_id', type: 'uuid', nullable: true })
  guideTemplateVersionId: string | null;

  /** Notes by guide section key. */
  @Column({ type: 'jsonb', default: {} })
  notes: Record<string, string>;

  @Column({ type: 'text', array: true, default: [] })
  needs: NeedCategory[];

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'conversation_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => Kommune, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'conversation_kommune_id_fkey' })
  kommune?: Kommune | null;

  @ManyToOne(() => TemplateVersion, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'guide_template_version_id', foreignKeyConstraintName: 'conversation_guide_template_version_id_fkey' })
  guideTemplateVersion?: TemplateVersion | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'conversation_created_by_fkey' })
  creator?: AppUser | null;
}
