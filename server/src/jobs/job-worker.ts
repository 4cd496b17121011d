import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobQueue } from './job-queue.service';

/** How often an idle worker looks for due jobs. */
const POLL_MS = 2000;
/** How often the scheduler enqueues recurring work (each run still happens once: it has a unique key). */
const TICK_MS = 60_000;

/**
 * Runs jobs in this process: a loop that claims and runs due jobs, and a scheduler beat. Every API
 * instance runs one; the queue shares the work. Off with JOBS_ENABLED=false.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private running = false;
  private loop: Promise<void> | null = null;
  private ticker: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.logger.log(`Job worker ${this.queue.workerId} started`);
    const beat = () => void this.queue.tick().catch((e: Error) => this.logger.warn(`Scheduler: ${e.message}`));
    beat();
    this.ticker = setInterval(beat, TICK_MS);
    this.ticker.unref();
    this.loop = this.work();
  }

  /** Stops taking jobs and waits for the one running to finish. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.ticker) clearInterval(this.ticker);
    this.wake?.();
    await this.loop;
  }

  private async work(): Promise<void> {
    while (this.running) {
      let idle = true;
      try {
        idle = (await this.queue.runNext()) === 'idle';
      } catch (e) {
        this.logger.warn(`Could not claim a job: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (idle && this.running) await this.sleep(POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
