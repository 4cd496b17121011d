import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Kommune } from '../kommuner/kommune.entity';

@Entity('region')
export class Region {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The regionråd: the regional council that owns the region's projects and decides at the gates. */
  @Column({ name: 'council_name', type: 'text' })
  councilName: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @VersionColumn()
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
export class RegionMembership {
  @PrimaryGeneratedColumn('uuid')
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
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @ManyToOne(() => Kommune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommune_id' })
  kommune?: Kommune;
}
