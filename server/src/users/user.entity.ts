import type { Lang, Role } from '@nvr/shared';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Kommune } from '../kommuner/kommune.entity';
import { Project } from '../projects/project.entity';
import { Region } from '../regions/region.entity';

@Entity('app_user')
@Check('app_user_email_format', `email ~ '^[^@\\s]+@[^@\\s]+$'`)
@Check('app_user_name_not_blank', `btrim(name) <> ''`)
@Check('app_user_language', `language IN ('nb', 'nn', 'en')`)
// UNIQUE (lower(email)): a functional index TypeORM cannot declare; the migration owns it.
@Index('app_user_email_key', { synchronize: false })
export class AppUser {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'app_user_pkey' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash?: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The person's language: the web app opens in it after sign-in, and their e-mails are written in it. */
  @Column({ type: 'text', default: 'nb' })
  language: Lang;

  @VersionColumn({ default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => RoleAssignmentRow, (r) => r.user)
  roles?: RoleAssignmentRow[];
}

/** One role of one person, scoped to a region or a project (none for admin). */
@Entity('role_assignment')
@Check('role_assignment_role', `role IN ('admin', 'regionraad', 'project_leader', 'project_member', 'adviser', 'kommune_contact')`)
@Check(
  'role_assignment_scope',
  `(role = 'admin' AND region_id IS NULL AND project_id IS NULL)
    OR (role IN ('regionraad', 'adviser', 'kommune_contact') AND region_id IS NOT NULL AND project_id IS NULL)
    OR (role IN ('project_leader', 'project_member') AND region_id IS NOT NULL AND project_id IS NOT NULL)`,
)
@Check('role_assignment_kommune_scope', `kommune_id IS NULL OR role = 'kommune_contact'`)
// UNIQUE (user_id, role, coalesce(region_id, …), coalesce(project_id, …), coalesce(kommune_id, …)): functional, so the migration owns it.
@Index('role_assignment_unique', { synchronize: false })
@Index('role_assignment_region_idx', ['regionId'])
@Index('role_assignment_project_idx', ['projectId'])
@Index('role_assignment_kommune_idx', ['kommuneId'])
export class RoleAssignmentRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'role_assignment_pkey' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  /** Only for kommune_contact: the one kommune of the region the contact speaks for; null = region-wide. */
  @Column({ name: 'kommune_id', type: 'uuid', nullable: true })
  kommuneId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => AppUser, (u) => u.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'role_assignment_user_id_fkey' })
  user?: AppUser;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'role_assignment_region_id_fkey' })
  region?: Region | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'role_assignment_project_fk' })
  project?: Project | null;

  @ManyToOne(() => Kommune, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommune_id', foreignKeyConstraintName: 'role_assignment_kommune_id_fkey' })
  kommune?: Kommune | null;
}
