import type { CostCategory, FinancingSource, FinancingStatus } from '@nvr/shared';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectPhase } from '../projects/project-phase.entity';

/** One line of a phase's budget: a cost or a source of financing, for one year, in whole kroner. */
@Entity('budget_line')
@Check('budget_line_kind', `kind IN ('cost', 'financing')`)
@Check('budget_line_year', `year BETWEEN 2000 AND 2100`)
@Check('budget_line_amount', `amount >= 0`)
@Check('budget_line_status', `status IS NULL OR status IN ('applied', 'granted')`)
@Check(
  'budget_line_category',
  `(kind = 'cost' AND category IN ('project_management', 'rent_equipment', 'consultants', 'material_communication', 'meetings_travel', 'own_work'))
    OR (kind = 'financing' AND category IN ('innovasjon_norge', 'fylkeskommune', 'other_grants', 'kommuner_direct', 'own_work'))`,
)
@Index('budget_line_phase_idx', ['phaseId', 'position'])
export class BudgetLine {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'budget_line_pkey' })
  id: string;

  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: 'cost' | 'financing';

  @Column({ type: 'text' })
  category: CostCategory | FinancingSource;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Whole kroner; bigint, so pg returns it as a string. */
  @Column({ type: 'bigint' })
  amount: string;

  /** numeric(10,1): pg returns it as a string. */
  @Column({ type: 'numeric', precision: 10, scale: 1, nullable: true })
  hours: string | null;

  @Column({ type: 'integer', nullable: true })
  rate: number | null;

  @Column({ type: 'text', nullable: true })
  status: FinancingStatus | null;

  @ManyToOne(() => ProjectPhase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'phase_id', foreignKeyConstraintName: 'budget_line_phase_id_fkey' })
  phase?: ProjectPhase;
}
