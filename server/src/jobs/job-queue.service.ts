import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, EntityManager } from 'typeorm';
import { execute, queryOne, queryRows } from '../database/sql';
import { pidExists } from '../common/processes';
import { backoffSeconds } from './backoff';

export interface JobRecord {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  uniqueKey: string | null;
  attempts: number;
  maxAttempts: number;
}

/** A claimed job as the UPDATE … RETURNING answers it. */
interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  unique_key: string | null;
  attempts: number;
  max_attempts: number;
}

export type JobHandler = (payload: Record<string, unknown>, job: JobRecord) => Promise<void>;

/** Work that recurs: the scheduler enqueues it with `key(now)` as unique key, so each run happens once across all instances. */
export interface PeriodicJob {
  kind: string;
  /** The unique key of the run due at `now`, e.g. `reminders.scan:2026-11-23` for a daily job; null when none is due yet. */
  key(now: Date): string | null;
  payload?: (now: Date) => Record<string, unknown>;
}

export interface EnqueueOptions {
  /** At most one job ever has this key; enqueueing it again does nothing. */
  uniqueKey?: string;
  runAt?: Date;
  maxAttempts?: number;
}

/** A job left running longer than this (its worker died) is handed to another worker. */
const LEASE_MINUTES = 15;
/** Finished jobs are kept this long (their unique keys too), then deleted. */
const KEEP_DONE_DAYS = 30;

/**
 * A job queue in Postgres. Jobs are rows in `job`; a worker claims the oldest due job with
 * `FOR UPDATE SKIP LOCKED`, so several API instances share the work without taking the same job.
 * A failed job is retried with exponential backoff until it has used its attempts.
 */
@Injectable()
export class JobQueue {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly periodic: PeriodicJob[] = [];
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Registers the code that runs jobs of a kind (once per kind, at module init). */
  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Registers recurring work for the scheduler. */
  schedule(job: PeriodicJob): void {
    this.periodic.push(job);
  }

  /** Adds a job; pass the caller's transaction so the job exists only if the change commits. Returns its id, or null when the unique key was taken. */
  async enqueue(
    kind: string,
    payload: Record<string, unknown> = {},
    options: EnqueueOptions = {},
    em: EntityManager = this.db.manager,
  ): Promise<string | null> {
    const row = await queryOne<{ id: string }>(
      em,
      `INSERT INTO job (kind, payload, unique_key, run_at, max_attempts) VALUES ($1, $2, $3, coalesce($4::timestamptz, now()), $5)
       ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING RETURNING id::text`,
      [kind, JSON.stringify(payload), options.uniqueKey ?? null, options.runAt?.toISOString() ?? null, options.maxAttempts ?? 5],
    );
    return row?.id ?? null;
  }

  /** Claims the oldest due job of a kind this process can run, or null. Locked rows are skipped, never waited for. */
  async claim(workerId = this.workerId): Promise<JobRecord | null> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return null;
    const claimed = await queryOne<JobRow>(
      this.db,
      `UPDATE job SET state = 'running', attempts = attempts + 1, locked_by = $1, locked_at = now()
        WHERE id = (
          SELECT id FROM job WHERE state = 'queued' AND run_at <= now() AND kind = ANY($2::text[])
           ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
        )
        RETURNING id::text, kind, payload, unique_key, attempts, max_attempts`,
      [workerId, kinds],
    );
    return claimed ? toJobRecord(claimed) : null;
  }

  /** Claims and runs one job. */
  async runNext(workerId = this.workerId): Promise<'ran' | 'failed' | 'idle'> {
    const job = await this.claim(workerId);
    if (!job) return 'idle';
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`No handler for jobs of kind ${job.kind}`);
      await handler(job.payload, job);
      await execute(this.db, `UPDATE job SET state = 'done', finished_at = now(), last_error = NULL WHERE id = $1 AND locked_by = $2`, [
        job.id,
        workerId,
      ]);
      return 'ran';
    } catch (e) {
      await this.fail(job, e, workerId);
      return 'failed';
    }
  }

  /** Runs due jobs until none is left (or `limit` have run); returns how many ran. Tests and the worker use it. */
  async drain(limit = 1000, workerId = this.workerId): Promise<number> {
    let n = 0;
    while (n < limit && (await this.runNext(workerId)) !== 'idle') n += 1;
    return n;
  }

  /**
   * A worker on this machine that was killed (kill -9, a crash) cannot have finished its job: hand the
   * job on at once rather than after the lease. Workers are named host:pid:…, so a process that is gone
   * is certain; workers on other machines wait for their lease.
   */
  async releaseJobsOfDeadLocalWorkers(): Promise<number> {
    const prefix = `${hostname()}:`;
    const workers = await queryRows<{ locked_by: string }>(
      this.db,
      `SELECT DISTINCT locked_by FROM job WHERE state = 'running' AND starts_with(locked_by, $1)`,
      [prefix],
    );
    const dead = workers.map((w) => w.locked_by).filter((w) => !isProcessAlive(Number(w.slice(prefix.length).split(':')[0])));
    if (!dead.length) return 0;
    return execute(
      this.db,
      `UPDATE job SET state = 'queued', locked_by = NULL, locked_at = NULL, run_at = now() WHERE state = 'running' AND locked_by = ANY($1::text[])`,
      [dead],
    );
  }

  /** The scheduler's beat: enqueue recurring work due now, free jobs whose worker died, and forget old finished jobs. */
  async tick(now = new Date()): Promise<void> {
    for (const p of this.periodic) {
      const key = p.key(now);
      if (key) await this.enqueue(p.kind, p.payload?.(now) ?? {}, { uniqueKey: key });
    }
    await execute(
      this.db,
      `UPDATE job SET state = 'queued', locked_by = NULL, run_at = now() WHERE state = 'running' AND locked_at < now() - make_interval(mins => $1)`,
      [LEASE_MINUTES],
    );
    await this.releaseJobsOfDeadLocalWorkers();
    await execute(this.db, `DELETE FROM job WHERE state IN ('done', 'failed') AND finished_at < now() - make_interval(days => $1)`, [
      KEEP_DONE_DAYS,
    ]);
  }

  private async fail(job: JobRecord, error: unknown, workerId: string): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    if (job.attempts >= job.maxAttempts) {
      this.logger.error(`Job ${job.kind} #${job.id} failed for good after ${job.attempts} attempt(s): ${message}`);
      await execute(this.db, `UPDATE job SET state = 'failed', finished_at = now(), last_error = $3 WHERE id = $1 AND locked_by = $2`, [
        job.id,
        workerId,
        message,
      ]);
    } else {
      const delay = backoffSeconds(job.attempts);
      this.logger.warn(
        `Job ${job.kind} #${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}), retrying in ${delay} s: ${message}`,
      );
      await execute(
        this.db,
        `UPDATE job SET state = 'queued', locked_by = NULL, locked_at = NULL, run_at = now() + make_interval(secs => $3), last_error = $4 WHERE id = $1 AND locked_by = $2`,
        [job.id, workerId, delay, message],
      );
    }
  }
}

function toJobRecord(r: JobRow): JobRecord {
  return {
    id: r.id,
    kind: r.kind,
    payload: r.payload,
    uniqueKey: r.unique_key,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
  };
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true; // not ours to judge
  return pid === process.pid || pidExists(pid);
}
