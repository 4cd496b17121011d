import type { ProjectStatus } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Kommune } from '../kommuner/kommune.entity';
import { Region } from '../regions/region.entity';

/** A PLP project of one region. */
@Entity('project')
@Check('project_name_not_blank', `btrim(name) <> ''`)
@Check('project_status', `status IN ('active', 'completed', 'stopped')`)
@Index('project_region_idx', ['regionId'])
// (name COLLATE nvr_nb, id) for the portfolio's first page by name: TypeORM cannot declare a collated index column.
@Index('project_name_nb_idx', { synchronize: false })
export class Project {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_pkey' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', default: 'active' })
  status: ProjectStatus;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'project_region_id_fkey' })
  region?: Region;
}

/** A kommune taking part in a project. */
@Entity('project_kommune')
export class ProjectKommune {
  @PrimaryColumn({ name: 'project_id', type: 'uuid', primaryKeyConstraintName: 'project_kommune_pkey' })
  projectId: string;

  @PrimaryColumn({ name: 'kommune_id', type: 'uuid', primaryKeyConstraintName: 'project_kommune_pkey' })
  kommuneId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'project_kommune_project_id_fkey' })
  project?: Project;

  @ManyToOne(() => Kommune, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'project_kommune_kommune_id_fkey' })
  kommune?: Kommune;
}
