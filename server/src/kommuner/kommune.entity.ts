import {
  Check,
  Index,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

@Entity('kommune')
@Unique('kommune_number_key', ['number'])
@Check('kommune_number_format', `number ~ '^[0-9]{4}$'`)
@Check('kommune_name_not_blank', `btrim(name) <> ''`)
export class Kommune {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kommune_pkey' })
  id: string;

  /** The four-digit kommunenummer. */
  @Column({ type: 'char', length: 4 })
  number: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  county: string;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => KommunePopulation, (p) => p.kommune)
  populations?: KommunePopulation[];
}

/** A kommune's population on a given date (SSB figures are as of 1 January). */
@Entity('kommune_population')
@Check('kommune_population_not_negative', `population >= 0`)
@Check('kommune_population_source', `source IN ('manual', 'ssb')`)
@Check('kommune_population_ssb_count', `ssb_count >= 0`)
export class KommunePopulation {
  @PrimaryColumn({ name: 'kommune_id', type: 'uuid', primaryKeyConstraintName: 'kommune_population_pkey' })
  kommuneId: string;

  @PrimaryColumn({ name: 'as_of', type: 'date', primaryKeyConstraintName: 'kommune_population_pkey' })
  asOf: string;

  @Column({ type: 'integer' })
  population: number;

  /** 'manual' (typed by hand; who and when are in the population history) or 'ssb' (imported from SSB). */
  @Column({ type: 'text', default: 'manual' })
  source?: PopulationSource;

  /** SSB's figure for this kommune and date, when imported (kept beside a hand-typed figure to flag a difference). */
  @Column({ name: 'ssb_count', type: 'integer', nullable: true })
  ssbCount?: number | null;

  /** The SSB table the figure came from, e.g. '07459'. */
  @Column({ name: 'ssb_table', type: 'text', nullable: true })
  ssbTable?: string | null;

  /** When SSB's figure was fetched from SSB (for the shipped snapshot: when the snapshot was made). */
  @Column({ name: 'ssb_fetched_at', type: 'timestamptz', nullable: true })
  ssbFetchedAt?: Date | null;

  @ManyToOne(() => Kommune, (k) => k.populations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'kommune_population_kommune_id_fkey' })
  kommune?: Kommune;
}

/** Where a population figure comes from. */
export type PopulationSource = 'manual' | 'ssb';

/** One of a kommune's numbers (with its name and county) and the dates it was valid (SSB classification 131). */
@Entity('kommune_number')
@Check('kommune_number_format', `number ~ '^[0-9]{4}$'`)
@Check('kommune_number_period', `valid_to IS NULL OR valid_to > valid_from`)
@Index('kommune_number_number_idx', ['number'])
export class KommuneNumber {
  @PrimaryColumn({ name: 'kommune_id', type: 'uuid', primaryKeyConstraintName: 'kommune_number_pkey' })
  kommuneId: string;

  /** Inclusive. */
  @PrimaryColumn({ name: 'valid_from', type: 'date', primaryKeyConstraintName: 'kommune_number_pkey' })
  validFrom: string;

  /** Exclusive; null while the number is in use. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'char', length: 4 })
  number: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  county: string;

  @ManyToOne(() => Kommune, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'kommune_number_kommune_id_fkey' })
  kommune?: Kommune;
}
