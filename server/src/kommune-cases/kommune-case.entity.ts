import type { KommuneCaseOutcome } from '@nvr/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { GateSubmission } from '../gates/gate.entity';
import { Kommune } from '../kommuner/kommune.entity';
import { AppUser } from '../users/user.entity';

/** One member kommune's own case on a submitted gate: its kommunestyre decides on its share before a deadline. */
@Entity('kommune_case')
@Unique('kommune_case_once', ['submissionId', 'kommuneId'])
@Index('kommune_case_deadline_idx', ['deadline'], { where: `outcome = 'pending'` })
@Check('kommune_case_share', `share >= 0`)
@Check('kommune_case_outcome', `outcome IN ('pending', 'yes', 'yes_with_changes', 'no', 'not_handled')`)
@Check('kommune_case_amount', `amount_committed IS NULL OR amount_committed >= 0`)
export class KommuneCase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kommune_case_pkey' })
  id: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'kommune_id', type: 'uuid' })
  kommuneId: string;

  /** The kommune's name when the case was opened. */
  @Column({ name: 'kommune_name', type: 'text' })
  kommuneName: string;

  @Column({ type: 'date' })
  deadline: string;

  /** The kommune's cost-sharing share of the next phase (whole kroner) when the case was opened. bigint: a string from pg. */
  @Column({ type: 'bigint' })
  share: string;

  @Column({ type: 'text', default: 'pending' })
  outcome: KommuneCaseOutcome;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate: string | null;

  @Column({ name: 'case_number', type: 'text', nullable: true })
  caseNumber: string | null;

  @Column({ name: 'decision_text', type: 'text', nullable: true })
  decisionText: string | null;

  @Column({ name: 'amount_committed', type: 'bigint', nullable: true })
  amountCommitted: string | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @ManyToOne(() => GateSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'kommune_case_submission_id_fkey' })
  submission?: GateSubmission;

  @ManyToOne(() => Kommune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'kommune_case_kommune_id_fkey' })
  kommune?: Kommune;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'kommune_case_recorded_by_fkey' })
  recorder?: AppUser | null;
}
