import type { PhaseKey, PhaseState } from '@nvr/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from '../projects/project.entity';

/**
 * Where a project stands, for the portfolio: its current phase and the sorted due dates of its open
 * deliverables. Written only by the triggers of migration PortfolioProjectState (never by the app), read by
 * portfolioPageSql.
 */
@Entity('project_portfolio_state')
export class ProjectPortfolioState {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'project_portfolio_state_pkey' })
  projectId: string;

  /** The current phase: the first by position in progress or awaiting its decision (null: none). */
  @Column({ name: 'phase_id', type: 'uuid', nullable: true })
  phaseId: string | null;

  @Column({ name: 'phase_key', type: 'text', nullable: true })
  phaseKey: PhaseKey | null;

  @Column({ name: 'phase_state', type: 'text', nullable: true })
  phaseState: PhaseState | null;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart: string | null;

  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd: string | null;

  /** Due dates of the open deliverables (draft, submitted, returned) of every phase, ascending, repeats kept. */
  @Column({ name: 'open_due_dates', type: 'date', array: true, default: [] })
  openDueDates: string[];

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_portfolio_state_project_id_fkey' })
  project?: Project;
}
