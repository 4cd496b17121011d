import type { RiskStatus, RiskStrategy } from '@nvr/shared';
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
  VersionColumn,
} from 'typeorm';
import { Project } from '../projects/project.entity';
import { StatusReport } from '../status-reports/status-report.entity';
import { AppUser } from '../users/user.entity';

/** Both scores 1–5 before measures; after measures both or neither, 1–5. */
const scoresCheck = `probability_before BETWEEN 1 AND 5 AND consequence_before BETWEEN 1 AND 5
  AND (probability_after IS NULL) = (consequence_after IS NULL)
  AND (probability_after IS NULL OR (probability_after BETWEEN 1 AND 5 AND consequence_after BETWEEN 1 AND 5))`;

/** A risk in a project's register, numbered R1, R2 … in the order they were added. */
@Entity('risk')
@Unique('risk_number_unique', ['projectId', 'number'])
@Check('risk_description_not_blank', `btrim(description) <> ''`)
@Check('risk_strategy', `strategy IN ('avoid', 'reduce', 'transfer', 'accept')`)
@Check('risk_proximity', `proximity ~ '^[0-9]{4}-Q[1-4]$'`)
@Check('risk_status', `status IN ('open', 'closed', 'occurred')`)
@Check('risk_scores', scoresCheck)
@Index('risk_open_idx', ['projectId'], { where: `status = 'open'` })
export class Risk {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'risk_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: '' })
  cause: string;

  @Column({ type: 'text', default: '' })
  consequence: string;

  @Column({ name: 'probability_before', type: 'smallint' })
  probabilityBefore: number;

  @Column({ name: 'consequence_before', type: 'smallint' })
  consequenceBefore: number;

  @Column({ name: 'probability_after', type: 'smallint', nullable: true })
  probabilityAfter: number | null;

  @Column({ name: 'consequence_after', type: 'smallint', nullable: true })
  consequenceAfter: number | null;

  @Column({ type: 'text', default: '' })
  measures: string;

  @Column({ type: 'text' })
  strategy: RiskStrategy;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /** The quarter the risk may occur in, 'YYYY-Qn'; null when not judged. */
  @Column({ type: 'text', nullable: true })
  proximity: string | null;

  @Column({ type: 'text', default: 'open' })
  status: RiskStatus;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'risk_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'risk_owner_id_fkey' })
  owner?: AppUser | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'risk_created_by_fkey' })
  creator?: AppUser | null;
}

/** The register as it was when a status report was published (frozen by a trigger; goes with its report). */
@Entity('risk_snapshot')
export class RiskSnapshot {
  @PrimaryColumn({ name: 'report_id', type: 'uuid', primaryKeyConstraintName: 'risk_snapshot_pkey' })
  reportId: string;

  @Column({ name: 'frozen_at', type: 'timestamptz', default: () => 'now()' })
  frozenAt: Date;

  @ManyToOne(() => StatusReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'risk_snapshot_report_id_fkey' })
  report?: StatusReport;
}

/**
 * One risk of a frozen register, copied field by field. The risk and its owner are kept by id without a
 * foreign key (the risk may be deleted later, the copy stays) and the owner's name as it was.
 */
@Entity('risk_snapshot_item')
@Check('risk_snapshot_item_scores', scoresCheck)
export class RiskSnapshotItem {
  @PrimaryColumn({ name: 'report_id', type: 'uuid', primaryKeyConstraintName: 'risk_snapshot_item_pkey' })
  reportId: string;

  @PrimaryColumn({ name: 'risk_id', type: 'uuid', primaryKeyConstraintName: 'risk_snapshot_item_pkey' })
  riskId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  cause: string;

  @Column({ type: 'text' })
  consequence: string;

  @Column({ name: 'probability_before', type: 'smallint' })
  probabilityBefore: number;

  @Column({ name: 'consequence_before', type: 'smallint' })
  consequenceBefore: number;

  @Column({ name: 'probability_after', type: 'smallint', nullable: true })
  probabilityAfter: number | null;

  @Column({ name: 'consequence_after', type: 'smallint', nullable: true })
  consequenceAfter: number | null;

  @Column({ type: 'text' })
  measures: string;

  @Column({ type: 'text' })
  strategy: RiskStrategy;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'owner_name', type: 'text', nullable: true })
  ownerName: string | null;

  @Column({ type: 'text', nullable: true })
  proximity: string | null;

  @Column({ type: 'text' })
  status: RiskStatus;

  @ManyToOne(() => RiskSnapshot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', referencedColumnName: 'reportId', foreignKeyConstraintName: 'risk_snapshot_item_report_id_fkey' })
  snapshot?: RiskSnapshot;
}
