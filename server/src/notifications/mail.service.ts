import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne } from '../database/sql';
import { JobQueue } from '../jobs/job-queue.service';

export const MAIL_DELIVER_JOB = 'mail.deliver';

interface OutboxMailRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
}

/**
 * E-mail through an outbox: every message is written to `outbox` in the transaction that caused it.
 * Without SMTP_URL it stays there as 'captured' and nothing is sent (development and tests read it);
 * with SMTP_URL it is 'pending' and a job delivers it with nodemailer, retrying with backoff.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.register(MAIL_DELIVER_JOB, (payload) => this.deliver(String(payload.outboxId)));
  }

  /** The state new mail starts in. */
  get initialState(): 'captured' | 'pending' {
    return this.config.smtpUrl ? 'pending' : 'captured';
  }

  /** Where people reach the web app: links in e-mails start with it. */
  get publicBaseUrl(): string {
    return this.config.publicBaseUrl;
  }

  /** Schedules delivery of mail just written to the outbox, in the same transaction. */
  async scheduleDelivery(tx: EntityManager, outboxIds: readonly string[]): Promise<void> {
    if (!this.config.smtpUrl) return;
    for (const id of outboxIds) await this.queue.enqueue(MAIL_DELIVER_JOB, { outboxId: id }, { maxAttempts: 8 }, tx);
  }

  /** Sends one pending message; throws (so the job retries) when the SMTP server refuses or cannot be reached. */
  async deliver(outboxId: string): Promise<void> {
    const mail = await queryOne<OutboxMailRow>(
      this.db,
      `SELECT id, to_address, subject, body_text FROM outbox WHERE id = $1 AND state = 'pending'`,
      [outboxId],
    );
    if (!mail) return; // sent already, or captured
    try {
      await this.getTransport().sendMail({ from: this.config.mailFrom, to: mail.to_address, subject: mail.subject, text: mail.body_text });
    } catch (e) {
      await execute(this.db, `UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
        outboxId,
        e instanceof Error ? e.message : String(e),
      ]);
      throw e;
    }
    await execute(this.db, `UPDATE outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [
      outboxId,
    ]);
    this.logger.debug(`Sent mail #${outboxId}`);
  }

  private getTransport(): Transporter {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transport ??= createTransport(this.config.smtpUrl);
    return this.transport;
  }
}
