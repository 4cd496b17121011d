import type { ReportPeriod, ReportState, StatusColour } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Project } from '../projects/project.entity';
import { AppUser } from '../users/user.entity';

/** A project's monthly status report; frozen once published (a trigger refuses changes to its content). */
@Entity('status_report')
@Unique('status_report_period_unique', ['projectId', 'period'])
@Check('status_report_period_format', `period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('status_report_state', `state IN ('draft', 'published')`)
@Check('status_report_overall_colour', `overall_colour IN ('green', 'yellow', 'red')`)
@Check('status_report_progress_colour', `progress_colour IN ('green', 'yellow', 'red')`)
@Check('status_report_economy_colour', `economy_colour IN ('green', 'yellow', 'red')`)
@Check('status_report_risk_colour', `risk_colour IN ('green', 'yellow', 'red')`)
@Check('status_report_budget_total', `budget_total >= 0`)
@Check('status_report_spent_to_date', `spent_to_date >= 0`)
@Check('status_report_forecast', `forecast >= 0`)
@Check(
  'status_report_published_complete',
  `state <> 'published' OR (published_at IS NOT NULL AND overall_colour IS NOT NULL AND progress_colour IS NOT NULL AND economy_colour IS NOT NULL AND risk_colour IS NOT NULL)`,
)
// (project_id, period DESC) WHERE state = 'published': TypeORM cannot declare a descending index column; the migration owns it.
@Index('status_report_published_idx', { synchronize: false })
export class StatusReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'status_report_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  /** 'YYYY-MM'. */
  @Column({ type: 'text' })
  period: ReportPeriod;

  @Column({ type: 'text', default: 'draft' })
  state: ReportState;

  @Column({ name: 'overall_colour', type: 'text', nullable: true })
  overallColour: StatusColour | null;

  @Column({ name: 'overall_comment', type: 'text', default: '' })
  overallComment: string;

  @Column({ name: 'progress_colour', type: 'text', nullable: true })
  progressColour: StatusColour | null;

  @Column({ name: 'progress_comment', type: 'text', default: '' })
  progressComment: string;

  @Column({ name: 'economy_colour', type: 'text', nullable: true })
  economyColour: StatusColour | null;

  @Column({ name: 'economy_comment', type: 'text', default: '' })
  economyComment: string;

  @Column({ name: 'risk_colour', type: 'text', nullable: true })
  riskColour: StatusColour | null;

  @Column({ name: 'risk_comment', type: 'text', default: '' })
  riskComment: string;

  /** Whole kroner; bigint, so pg returns it as a string. */
  @Column({ name: 'budget_total', type: 'bigint', nullable: true })
  budgetTotal: string | null;

  @Column({ name: 'spent_to_date', type: 'bigint', nullable: true })
  spentToDate: string | null;

  @Column({ type: 'bigint', nullable: true })
  forecast: string | null;

  @Column({ name: 'next_steps', type: 'text', default: '' })
  nextSteps: string;

  @Column({ name: 'copied_from_id', type: 'uuid', nullable: true })
  copiedFromId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @VersionColumn({ default: 1 })
  version: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'status_report_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => StatusReport, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'copied_from_id', foreignKeyConstraintName: 'status_report_copied_from_id_fkey' })
  copiedFrom?: StatusReport | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'status_report_created_by_fkey' })
  creator?: AppUser | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'status_report_published_by_fkey' })
  publisher?: AppUser | null;
}
