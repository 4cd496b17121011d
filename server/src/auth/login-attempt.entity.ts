import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One sign-in attempt, kept for rate limiting by e-mail and by IP. */
@Entity('login_attempt')
// (lower(email), at): a functional index TypeORM cannot declare; the migration owns it.
@Index('login_attempt_email_idx', { synchronize: false })
@Index('login_attempt_ip_idx', ['ip', 'at'])
export class LoginAttempt {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'login_attempt_pkey' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
