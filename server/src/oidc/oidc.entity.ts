import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Invitation } from '../invitations/invitation.entity';
import { AppUser } from '../users/user.entity';

/** A person's identity at an OpenID Connect provider (the issuer's `sub`), linked once. */
@Entity('identity_link')
@Unique('identity_link_subject_key', ['provider', 'subject'])
@Unique('identity_link_user_provider_key', ['userId', 'provider'])
export class IdentityLink {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'identity_link_pkey' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The provider's id in the configuration (OIDC_PROVIDERS). */
  @Column({ type: 'text' })
  provider: string;

  @Column({ type: 'text' })
  subject: string;

  /** The e-mail address the provider gave when the link was made (for the owner to recognise it). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'identity_link_user_id_fkey' })
  user?: AppUser;
}

/** A sign-in under way at a provider: used once by the callback, forgotten after ten minutes. */
@Entity('oidc_login')
export class OidcLogin {
  @PrimaryColumn({ name: 'state_hash', type: 'text', primaryKeyConstraintName: 'oidc_login_pkey' })
  stateHash: string;

  @Column({ type: 'text' })
  provider: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier: string;

  @Column({ type: 'text' })
  nonce: string;

  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @Column({ name: 'link_user_id', type: 'uuid', nullable: true })
  linkUserId: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'oidc_login_invitation_id_fkey' })
  invitation?: Invitation | null;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_user_id', foreignKeyConstraintName: 'oidc_login_link_user_id_fkey' })
  linkUser?: AppUser | null;
}
