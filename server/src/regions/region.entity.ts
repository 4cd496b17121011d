import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Kommune } from '../kommuner/kommune.entity';

@Entity('region')
@Check('region_name_not_blank', `btrim(name) <> ''`)
// UNIQUE (lower(name)): a functional index TypeORM cannot declare; the migration owns it.
@Index('region_name_key', { synchronize: false })
export class Region {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'region_pkey' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The regionråd: the regional council that owns the region's projects and decides at the gates. */
  @Column({ name: 'council_name', type: 'text' })
  councilName: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => RegionMembership, (m) => m.region)
  memberships?: RegionMembership[];
}

/** A kommune's membership of a region over an inclusive period; validTo null means still a member. */
@Entity('region_membership')
@Check('region_membership_period', `valid_to IS NULL OR valid_to >= valid_from`)
@Exclusion(
  'region_membership_no_overlap',
  `USING gist (region_id WITH =, kommune_id WITH =, daterange(valid_from, valid_to, '[]') WITH &&)`,
)
@Index('region_membership_kommune_idx', ['kommuneId'])
export class RegionMembership {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'region_membership_pkey' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'kommune_id', type: 'uuid' })
  kommuneId: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Region, (r) => r.memberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'region_membership_region_id_fkey' })
  region?: Region;

  @ManyToOne(() => Kommune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'region_membership_kommune_id_fkey' })
  kommune?: Kommune;
}
