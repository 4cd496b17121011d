import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { execute, queryOneOrFail } from '../database/sql';
import { SessionCache } from './session-cache';

/** The channel the triggers of migration AuthChangeNotify signal on: a person's id, or '*' for everyone. */
export const AUTH_CHANNEL = 'nvr_auth';
const SYNC_PREFIX = 'sync:';
/** Waits before connecting again: doubling from the first, never longer than the last (each ±20 %). */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;
/** A connection that stops answering is replaced: a silent one would leave the cache deaf to changes. */
const HEARTBEAT_MS = 30_000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

interface BackendRow {
  pid: number;
}

/**
 * One dedicated connection per instance that LISTENs for session, role and account changes made anywhere
 * (any instance, a script, psql) and makes this instance's session cache forget the person. The cache is
 * used only while this connection is up: when it drops, every request reads its session from the
 * database until it is back (retried with backoff), and all that was kept is forgotten both ways.
 */
@Injectable()
export class AuthChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SessionCache');
  private client: Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private pid: number | null = null;
  private retries = 0;
  private stopped = false;
  private readonly waiting = new Map<string, () => void>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cache: SessionCache,
  ) {}

  /** The database backend of the LISTEN connection, while it is up. */
  get backendPid(): number | null {
    return this.cache.isOnline ? this.pid : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cache.enabled) return;
    // The first attempt is awaited, so the cache works from the first request; a failure is retried.
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    // Awaited: once the app is closed, none of its connections is left (a restore checks for them).
    await this.drop();
  }

  /**
   * Resolves once this instance has heard every change committed before the call (notifications arrive
   * in commit order, so hearing one sent now means the earlier ones were heard). Rejects when offline.
   */
  async sync(timeoutMs = 5000): Promise<void> {
    const client = this.client;
    if (!client || !this.cache.isOnline) throw new Error('The session cache is not listening for changes');
    const id = randomUUID();
    const heard = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`No notification came back within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await execute(client, `SELECT pg_notify($1, $2)`, [AUTH_CHANNEL, SYNC_PREFIX + id]);
    await heard;
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.stopped) return;
    const options = this.db.options as PostgresDataSourceOptions;
    const extra = options.extra as { application_name?: string } | undefined;
    // The app's own application_name: a restore refuses while any connection of a running app is open.
    const client = new Client({
      connectionString: options.url,
      application_name: extra?.application_name,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 5000,
    });
    this.client = client;
    client.on('notification', (n) => this.heard(n));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    let pid: number;
    try {
      await client.connect();
      await execute(client, `LISTEN ${AUTH_CHANNEL}`);
      pid = (await queryOneOrFail<BackendRow>(client, `SELECT pg_backend_pid() AS pid`)).pid;
    } catch (e) {
      this.lost(client, e instanceof Error ? e : new Error(String(e)));
      return;
    }
    if (this.client !== client || this.stopped) return;
    this.pid = pid;
    // Changes made while nobody listened were not heard: setOnline forgets everything kept before.
    this.cache.setOnline(true);
    if (this.retries > 0) this.logger.log('Listening for session changes again; sessions are kept for a moment again');
    this.retries = 0;
    this.heartbeat = setInterval(() => void this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private heard(n: Notification): void {
    if (n.channel !== AUTH_CHANNEL) return;
    const payload = n.payload ?? '*';
    if (payload.startsWith(SYNC_PREFIX)) {
      this.waiting.get(payload.slice(SYNC_PREFIX.length))?.();
      this.waiting.delete(payload.slice(SYNC_PREFIX.length));
    } else if (payload === '*') {
      this.cache.clear();
    } else {
      this.cache.forgetUsers([payload]);
    }
  }

  private async beat(client: Client): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        execute(client, 'SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${HEARTBEAT_TIMEOUT_MS / 1000} s`)), HEARTBEAT_TIMEOUT_MS);
        }),
      ]);
    } catch (e) {
      this.lost(client, e instanceof Error ? e : new Error(String(e)));
    } finally {
      clearTimeout(timer);
    }
  }

  /** The connection failed or ended: stop using the cache, and try again later unless the app is stopping. */
  private lost(client: Client, e: Error): void {
    if (this.client !== client) return; // an old connection's late event
    const wasOnline = this.cache.isOnline;
    void this.drop();
    if (this.stopped) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.retries) * (0.8 + Math.random() * 0.4);
    this.retries += 1;
    if (wasOnline || this.retries === 1) {
      this.logger.warn(
        `Not listening for session changes (${e.message}); every request reads its session from the database until this is back. Trying again in ${Math.round(delay / 100) / 10} s`,
      );
    }
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.retryTimer.unref();
  }

  /** Stops using the cache and closes the connection; resolves once it is closed. */
  private async drop(): Promise<void> {
    this.cache.setOnline(false);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.pid = null;
    const client = this.client;
    this.client = null;
    if (!client) return;
    client.removeAllListeners('notification');
    // A later error of a connection being closed must not be unhandled.
    client.on('error', () => undefined);
    await client.end().catch(() => undefined);
  }
}
