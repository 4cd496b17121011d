import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { GateSubmission } from './gate.entity';

/**
 * The inputs of a submission's case document (saksframlegg) as they stood when it was submitted, so its
 * saksframlegg can be rendered again as it was (the documents feature's `CaseData`, as JSON).
 */
@Entity('gate_submission_case_data')
export class GateSubmissionCaseData {
  @PrimaryColumn({ name: 'submission_id', type: 'uuid', primaryKeyConstraintName: 'gate_submission_case_data_pkey' })
  submissionId: string;

  @Column({ name: 'case_data', type: 'jsonb' })
  caseData: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => GateSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'gate_submission_case_data_submission_id_fkey' })
  submission?: GateSubmission;
}
