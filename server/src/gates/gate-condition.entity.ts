import type { ConditionState } from '@nvr/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StoredFile } from '../files/stored-file.entity';
import { ProjectPhase } from '../projects/project-phase.entity';
import { AppUser } from '../users/user.entity';
import { GateDecision } from './gate.entity';

/** One condition of an approval, followed up in the next phase (`phaseId`) until met or waived by the owner. */
@Entity('gate_condition')
@Unique('gate_condition_position', ['decisionId', 'position'])
@Index('gate_condition_phase_idx', ['phaseId'])
@Check('gate_condition_text', `btrim(text) <> ''`)
@Check('gate_condition_state', `state IN ('open', 'met', 'waived')`)
@Check('gate_condition_resolved', `(state = 'open') = (resolved_at IS NULL)`)
export class GateCondition {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'gate_condition_pkey' })
  id: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  /** The phase in which the condition is followed up (the next phase; the decided one when there is none). */
  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'owner_user_id', type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'text', default: 'open' })
  state: ConditionState;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => GateDecision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'gate_condition_decision_id_fkey' })
  decision?: GateDecision;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'gate_condition_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id', foreignKeyConstraintName: 'gate_condition_owner_user_id_fkey' })
  owner?: AppUser | null;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'gate_condition_file_id_fkey' })
  file?: StoredFile | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'gate_condition_resolved_by_fkey' })
  resolver?: AppUser | null;
}
