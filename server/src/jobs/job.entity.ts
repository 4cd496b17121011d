import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A job in the Postgres queue; workers claim due jobs with FOR UPDATE SKIP LOCKED. */
@Entity('job')
@Check('job_state', `state IN ('queued', 'running', 'done', 'failed')`)
@Check('job_max_attempts', `max_attempts >= 1`)
@Index('job_unique_key', ['uniqueKey'], { unique: true, where: `unique_key IS NOT NULL` })
@Index('job_due_idx', ['runAt', 'id'], { where: `state = 'queued'` })
@Index('job_running_idx', ['lockedAt'], { where: `state = 'running'` })
export class Job {
  /** bigint: pg returns it as a string. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'job_pkey' })
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  /** Enqueueing a job whose key is already queued does nothing. */
  @Column({ name: 'unique_key', type: 'text', nullable: true })
  uniqueKey: string | null;

  @Column({ type: 'text', default: 'queued' })
  state: JobState;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer', default: 5 })
  maxAttempts: number;

  @Column({ name: 'run_at', type: 'timestamptz', default: () => 'now()' })
  runAt: Date;

  @Column({ name: 'locked_by', type: 'text', nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
