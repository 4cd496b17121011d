import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AppUser } from '../users/user.entity';

/** A server-side session; the cookie holds the token, the database only its hash. */
@Entity('user_session')
@Index('user_session_user_idx', ['userId'])
@Index('user_session_expires_idx', ['expiresAt'])
export class UserSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text', primaryKeyConstraintName: 'user_session_pkey' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'csrf_token', type: 'text' })
  csrfToken: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  /** The OpenID Connect provider the session was opened with (null: a password). */
  @Column({ name: 'oidc_provider', type: 'text', nullable: true })
  oidcProvider: string | null;

  /** The provider's ID token, sent as id_token_hint when signing out ends the provider's session too. */
  @Column({ name: 'id_token', type: 'text', nullable: true })
  idToken: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_session_user_id_fkey' })
  user?: AppUser;
}
