import type { IsoDate, PlanContent } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { ProjectPhase } from '../projects/project-phase.entity';
import { TemplateVersion } from '../templates/template.entity';
import { AppUser } from '../users/user.entity';

/** How a phase's costs are shared between its kommuner, as stored in phase_plan.cost_sharing. */
export interface CostSharingSettings {
  equalPercent: number;
  populationDate: IsoDate | null;
  year: number | null;
}

/** The plan of one phase, written in a template version's sections. */
@Entity('phase_plan')
@Unique('phase_plan_one_per_phase', ['phaseId'])
export class PhasePlan {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'phase_plan_pkey' })
  id: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ name: 'template_version_id', type: 'uuid' })
  templateVersionId: string;

  @Column({ type: 'jsonb', default: {} })
  content: PlanContent;

  @Column({ name: 'cost_sharing', type: 'jsonb', default: { equalPercent: 50, populationDate: null, year: null } })
  costSharing: CostSharingSettings;

  @VersionColumn({ default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'phase_plan_phase_id_fkey' })
  phase?: ProjectPhase;

  @ManyToOne(() => TemplateVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_version_id', foreignKeyConstraintName: 'phase_plan_template_version_id_fkey' })
  templateVersion?: TemplateVersion;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'phase_plan_updated_by_fkey' })
  updater?: AppUser | null;
}

/** A frozen copy of a plan with its budget: made when the plan is approved, or saved by hand. */
@Entity('phase_plan_snapshot')
@Unique('phase_plan_snapshot_unique', ['planId', 'number'])
@Check('phase_plan_snapshot_reason', `reason IN ('approved', 'saved', 'submitted')`)
export class PhasePlanSnapshot {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'phase_plan_snapshot_pkey' })
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  reason: 'approved' | 'saved' | 'submitted';

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Column({ type: 'jsonb' })
  content: PlanContent;

  /** The budget lines as they were. */
  @Column({ type: 'jsonb' })
  budget: unknown;

  @Column({ name: 'cost_sharing', type: 'jsonb' })
  costSharing: CostSharingSettings;

  @Column({ name: 'template_version_id', type: 'uuid' })
  templateVersionId: string;

  @Column({ name: 'plan_version', type: 'integer' })
  planVersion: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => PhasePlan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id', foreignKeyConstraintName: 'phase_plan_snapshot_plan_id_fkey' })
  plan?: PhasePlan;

  @ManyToOne(() => TemplateVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_version_id', foreignKeyConstraintName: 'phase_plan_snapshot_template_version_id_fkey' })
  templateVersion?: TemplateVersion;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'phase_plan_snapshot_created_by_fkey' })
  creator?: AppUser | null;
}
