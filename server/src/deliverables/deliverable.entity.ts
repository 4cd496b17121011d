import type { DeliverableState } from '@nvr/shared';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { ProjectPhase } from '../projects/project-phase.entity';
import { AppUser } from '../users/user.entity';

/** Something a phase delivers: from the PLP catalogue (catalogueKey) or added by the project. */
@Entity('deliverable')
@Unique('deliverable_catalogue_unique', ['phaseId', 'catalogueKey'])
@Check('deliverable_state', `state IN ('draft', 'submitted', 'accepted', 'returned', 'not_required')`)
@Check('deliverable_not_required_reason', `state <> 'not_required' OR btrim(coalesce(not_required_reason, '')) <> ''`)
@Index('deliverable_phase_idx', ['phaseId'])
@Index('deliverable_due_idx', ['dueDate'], { where: `state IN ('draft', 'returned')` })
@Index('deliverable_open_due_idx', ['phaseId', 'dueDate'], {
  where: `state IN ('draft', 'submitted', 'returned') AND due_date IS NOT NULL`,
})
export class Deliverable {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'deliverable_pkey' })
  id: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ name: 'catalogue_key', type: 'text', nullable: true })
  catalogueKey: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Column({ type: 'text', default: 'draft' })
  state: DeliverableState;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'text', default: '' })
  content: string;

  @Column({ name: 'not_required_reason', type: 'text', nullable: true })
  notRequiredReason: string | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'deliverable_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'deliverable_owner_user_id_fkey' })
  owner?: AppUser | null;
}

/** A file attached to a deliverable. */
@Entity('deliverable_file')
export class DeliverableFile {
  @PrimaryColumn({ name: 'deliverable_id', type: 'uuid', primaryKeyConstraintName: 'deliverable_file_pkey' })
  deliverableId: string;

  @PrimaryColumn({ name: 'file_id', type: 'uuid', primaryKeyConstraintName: 'deliverable_file_pkey' })
  fileId: string;

  @ManyToOne(() => Deliverable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deliverable_id', foreignKeyConstraintName: 'deliverable_file_deliverable_id_fkey' })
  deliverable?: Deliverable;

  @ManyToOne(() => StoredFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'deliverable_file_file_id_fkey' })
  file?: StoredFile;
}
