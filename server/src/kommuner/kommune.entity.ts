import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

@Entity('kommune')
export class Kommune {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 4, unique: true })
  number: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  county: string;

  @VersionColumn()
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
export class KommunePopulation {
  @PrimaryColumn({ name: 'kommune_id', type: 'uuid' })
  kommuneId: string;

  @PrimaryColumn({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'integer' })
  population: number;

  @ManyToOne(() => Kommune, (k) => k.populations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id' })
  kommune?: Kommune;
}
