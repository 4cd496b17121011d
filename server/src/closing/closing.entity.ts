import type {
  ClosingOutcome,
  ClosingReadiness,
  EvaluationPerspective,
  FinalReportSections,
  LessonCategory,
  PhaseKey,
  SuccessFactor,
} from '@nvr/shared';
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
import { AppUser } from '../users/user.entity';

const FACTORS = `'anchoring', 'realistic_goals', 'active_owner', 'meeting_places', 'attention', 'bureaucratic_flexibility', 'visible_results', 'cooperation', 'reporting', 'financing'`;

/** The final report (sluttrapport) of a project's hovedprosjekt: one text per section of the outline, and the economy's two figures. */
@Entity('closing_report')
@Check('closing_report_sections_object', `jsonb_typeof(sections) = 'object'`)
@Check('closing_report_budget_total', `budget_total >= 0`)
@Check('closing_report_spent_total', `spent_total >= 0`)
export class ClosingReport {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'closing_report_pkey' })
  projectId: string;

  @Column({ type: 'jsonb', default: {} })
  sections: FinalReportSections;

  /** Whole kroner; bigint, so pg returns it as a string. */
  @Column({ name: 'budget_total', type: 'bigint', nullable: true })
  budgetTotal: string | null;

  @Column({ name: 'spent_total', type: 'bigint', nullable: true })
  spentTotal: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'closing_report_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'closing_report_created_by_fkey' })
  creator?: AppUser | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'closing_report_updated_by_fkey' })
  updater?: AppUser | null;
}

/** The evaluation of the success factors from one perspective: the project leader's, or the owner's. */
@Entity('closing_evaluation')
@Unique('closing_evaluation_unique', ['projectId', 'perspective'])
@Check('closing_evaluation_perspective', `perspective IN ('leader', 'owner')`)
export class ClosingEvaluation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'closing_evaluation_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  perspective: EvaluationPerspective;

  @Column({ type: 'text', default: '' })
  summary: string;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'closing_evaluation_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'closing_evaluation_updated_by_fkey' })
  updater?: AppUser | null;
}

/** One success factor of an evaluation: a score 1–5 (none yet in a draft) and a comment. */
@Entity('closing_evaluation_score')
@Check('closing_evaluation_score_factor', `factor IN (${FACTORS})`)
@Check('closing_evaluation_score_scale', `score BETWEEN 1 AND 5`)
export class ClosingEvaluationScore {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'closing_evaluation_score_pkey' })
  evaluationId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'closing_evaluation_score_pkey' })
  factor: SuccessFactor;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ type: 'text', default: '' })
  comment: string;

  @ManyToOne(() => ClosingEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'closing_evaluation_score_evaluation_id_fkey' })
  evaluation?: ClosingEvaluation;
}

/** A lesson learned: what others should know, filed under a success factor (or "other") and a phase. */
@Entity('closing_lesson')
@Index('closing_lesson_project_idx', ['projectId', 'createdAt'])
// GIN (to_tsvector('norwegian', text)) for the search across regions: TypeORM cannot declare an expression index.
@Index('closing_lesson_search_idx', { synchronize: false })
@Check('closing_lesson_phase', `phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')`)
@Check('closing_lesson_category', `category IN (${FACTORS}, 'other')`)
@Check('closing_lesson_text_not_blank', `btrim(text) <> ''`)
export class ClosingLesson {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'closing_lesson_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'phase_key', type: 'text' })
  phaseKey: PhaseKey;

  @Column({ type: 'text' })
  category: LessonCategory;

  @Column({ type: 'text' })
  text: string;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'closing_lesson_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'closing_lesson_created_by_fkey' })
  creator?: AppUser | null;
}

/** The owner's closing decision (vedtak) on the hovedprosjekt: close, or carry on as a permanent cooperation. */
@Entity('closing_decision')
@Check('closing_decision_outcome', `outcome IN ('close', 'carry_on')`)
@Check('closing_decision_case_number_not_blank', `btrim(case_number) <> ''`)
@Check('closing_decision_text_not_blank', `btrim(decision_text) <> ''`)
@Check('closing_decision_override_not_blank', `btrim(override_reason) <> ''`)
@Check('closing_decision_yearly_amount', `successor_yearly_amount >= 0`)
@Check(
  'closing_decision_successor',
  `(outcome = 'carry_on' AND successor_organisation IS NOT NULL AND successor_financing IS NOT NULL AND successor_yearly_amount IS NOT NULL)
          OR (outcome = 'close' AND successor_organisation IS NULL AND successor_financing IS NULL AND successor_yearly_amount IS NULL)`,
)
export class ClosingDecision {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'closing_decision_pkey' })
  projectId: string;

  @Column({ type: 'text' })
  outcome: ClosingOutcome;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'case_number', type: 'text' })
  caseNumber: string;

  @Column({ name: 'decision_text', type: 'text' })
  decisionText: string;

  /** The organisation that owns the permanent cooperation (carry_on only). */
  @Column({ name: 'successor_organisation', type: 'text', nullable: true })
  successorOrganisation: string | null;

  @Column({ name: 'successor_financing', type: 'text', nullable: true })
  successorFinancing: string | null;

  /** Whole kroner a year; bigint, so pg returns it as a string. */
  @Column({ name: 'successor_yearly_amount', type: 'bigint', nullable: true })
  successorYearlyAmount: string | null;

  /** Why the owner decided although the report or an evaluation was missing. */
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason: string | null;

  /** The readiness to close as it stood when the owner decided. */
  @Column({ type: 'jsonb' })
  readiness: ClosingReadiness;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'closing_decision_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'closing_decision_decided_by_fkey' })
  decider?: AppUser | null;
}
