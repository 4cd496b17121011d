import type { Lang, RoleAssignment } from '@nvr/shared';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Project } from '../projects/project.entity';
import { Region } from '../regions/region.entity';
import { AppUser } from '../users/user.entity';

/**
 * An invitation to one e-mail address with the roles to give; the link carries a random token whose hash
 * is stored. Single use, with an expiry; withdrawable while pending.
 */
@Entity('invitation')
@Unique('invitation_token_hash_key', ['tokenHash'])
@Check('invitation_email_format', `email ~ '^[^@\\s]+@[^@\\s]+$'`)
@Check('invitation_language', `language IN ('nb', 'nn', 'en')`)
@Check('invitation_roles_array', `jsonb_typeof(roles) = 'array'`)
@Index('invitation_region_idx', ['regionId'])
@Index('invitation_project_idx', ['projectId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'invitation_pkey' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', default: 'nb' })
  language: Lang;

  @Column({ type: 'jsonb' })
  roles: RoleAssignment[];

  /** The region the invitation is for (listing, withdrawing); null for an administrator's invitation to the admin role. */
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  /** The project, when every role is one project's. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Region, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'invitation_region_id_fkey' })
  region?: Region | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'invitation_project_id_fkey' })
  project?: Project | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'invitation_invited_by_fkey' })
  inviter?: AppUser | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_by', foreignKeyConstraintName: 'invitation_accepted_by_fkey' })
  acceptor?: AppUser | null;
}
