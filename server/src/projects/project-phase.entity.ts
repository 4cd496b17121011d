import type { PhaseKey, PhaseState } from '@nvr/shared';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Project } from './project.entity';

/** One of a project's three phases (forstudie, forprosjekt, hovedprosjekt) with its plan and actual dates. */
@Entity('project_phase')
@Unique('project_phase_unique', ['projectId', 'phaseKey'])
@Check('project_phase_key', `phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')`)
@Check('project_phase_state', `state IN ('not_started', 'in_progress', 'awaiting_decision', 'completed', 'stopped')`)
@Check('project_phase_planned', `planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start`)
@Check('project_phase_actual', `actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start`)
@Index('project_phase_current_idx', ['projectId'], { where: `state IN ('in_progress', 'awaiting_decision')` })
export class ProjectPhase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_phase_pkey' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'phase_key', type: 'text' })
  phaseKey: PhaseKey;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'text', default: 'not_started' })
  state: PhaseState;

  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart: string | null;

  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd: string | null;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart: string | null;

  @Column({ name: 'actual_end', type: 'date', nullable: true })
  actualEnd: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_phase_project_id_fkey' })
  project?: Project;
}
