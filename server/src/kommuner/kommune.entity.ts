import {
  Check,
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
export class KommunePopulation {
  @PrimaryColumn({ name: 'kommune_id', type: 'uuid', primaryKeyConstraintName: 'kommune_population_pkey' })
  kommuneId: string;

  @PrimaryColumn({ name: 'as_of', type: 'date', primaryKeyConstraintName: 'kommune_population_pkey' })
  asOf: string;

  @Column({ type: 'integer' })
  population: number;

  @ManyToOne(() => Kommune, (k) => k.populations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'kommune_population_kommune_id_fkey' })
  kommune?: Kommune;
}
