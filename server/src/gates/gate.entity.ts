import type { DecisionOutcome, GatePackage, Readiness, ReopenRequest } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { GateCaseStep } from '../case-route/case-route.entity';
import { StoredFile } from '../files/stored-file.entity';
import { ProjectPhase } from '../projects/project-phase.entity';
import { AppUser } from '../users/user.entity';

/** A gate checkpoint of a phase, ticked by the project before it submits the phase for decision. */
@Entity('gate_checkpoint')
export class GateCheckpoint {
  @PrimaryColumn({ name: 'phase_id', type: 'uuid', primaryKeyConstraintName: 'gate_checkpoint_pkey' })
  phaseId: string;

  @PrimaryColumn({ name: 'checkpoint_key', type: 'text', primaryKeyConstraintName: 'gate_checkpoint_pkey' })
  checkpointKey: string;

  @Column({ type: 'boolean', default: false })
  checked: boolean;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'gate_checkpoint_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'gate_checkpoint_updated_by_fkey' })
  updater?: AppUser | null;
}

/** A phase submitted to the regionråd, with the readiness the server found at that moment. */
@Entity('gate_submission')
@Index('gate_submission_phase_idx', ['phaseId', 'submittedAt'])
export class GateSubmission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'gate_submission_pkey' })
  id: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb' })
  readiness: Readiness;

  /** What the package held when it was submitted (deliverable versions, plan snapshot, budget totals). */
  @Column({ type: 'jsonb', nullable: true })
  package: GatePackage | null;

  /** The proposed decision (forslag til vedtak), drafted from the package and edited by the secretariat. */
  @Column({ name: 'proposed_decision', type: 'text', nullable: true })
  proposedDecision: string | null;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'gate_submission_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'gate_submission_submitted_by_fkey' })
  submitter?: AppUser | null;
}

/** The regionråd's decision on one submission (at most one per submission). */
@Entity('gate_decision')
@Unique('gate_decision_once', ['submissionId'])
@Check('gate_decision_outcome', `outcome IN ('approved', 'approved_with_conditions', 'sent_back', 'stopped')`)
@Check('gate_decision_conditions', `outcome <> 'approved_with_conditions' OR btrim(coalesce(conditions, '')) <> ''`)
export class GateDecision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'gate_decision_pkey' })
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @Column({ name: 'decision_text', type: 'text' })
  decisionText: string;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ name: 'minutes_file_id', type: 'uuid', nullable: true })
  minutesFileId: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  /** The case step of the deciding body. */
  @Column({ name: 'step_id', type: 'uuid', nullable: true })
  stepId: string | null;

  /** The body that decided, by name (the owner, or a body it delegated to). */
  @Column({ name: 'body_name', type: 'text', nullable: true })
  bodyName: string | null;

  /** What a send-back reopened. */
  @Column({ type: 'jsonb', nullable: true })
  reopened: ReopenRequest | null;

  @ManyToOne(() => GateSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'gate_decision_submission_id_fkey' })
  submission?: GateSubmission;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'gate_decision_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => StoredFile, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'minutes_file_id', foreignKeyConstraintName: 'gate_decision_minutes_file_id_fkey' })
  minutesFile?: StoredFile | null;

  @ManyToOne(() => GateCaseStep, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'step_id', foreignKeyConstraintName: 'gate_decision_step_id_fkey' })
  step?: GateCaseStep | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'gate_decision_decided_by_fkey' })
  decider?: AppUser | null;
}
