import type { PopulationAction } from '@nvr/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUser } from '../users/user.entity';
import { Kommune } from './kommune.entity';

/** One change to a kommune's population figures, append-only (a trigger refuses UPDATE and DELETE). */
@Entity('kommune_population_event')
@Check('kommune_population_event_action', `action IN ('population.recorded', 'population.corrected', 'population.deleted')`)
// (kommune_id, id DESC): TypeORM cannot declare a descending index column; the migration owns it.
@Index('kommune_population_event_kommune_idx', { synchronize: false })
export class KommunePopulationEvent {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'kommune_population_event_pkey',
  })
  id: string;

  @Column({ name: 'kommune_id', type: 'uuid' })
  kommuneId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The actor's name when it happened, kept after the account is gone. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ type: 'text' })
  action: PopulationAction;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'integer', nullable: true })
  before: number | null;

  @Column({ type: 'integer', nullable: true })
  after: number | null;

  @ManyToOne(() => Kommune, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'kommune_population_event_kommune_id_fkey' })
  kommune?: Kommune;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'kommune_population_event_actor_id_fkey' })
  actor?: AppUser | null;
}
