import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Lang, RoleAssignment } from '@nvr/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { execute, queryOne } from '../database/sql';
import type { Principal } from './principal';
import { SessionCache } from './session-cache';

export const SESSION_COOKIE = 'nvr_session';
const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at/expires_at are written at most this often per session, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60 * 1000;

/** A valid session with its active user and the user's roles. */
interface SessionRow {
  user_id: string;
  email: string;
  name: string;
  language: Lang;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  created_at: Date;
  roles: RoleAssignment[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Server-side sessions in Postgres, so several API instances share them. The cookie holds a random
 * token; the database holds only its hash. Each instance keeps a session it has read for a few seconds
 * (SessionCache); every change that ends a session or changes what it carries makes the instances forget
 * it: this one at once (the calls below), the others when the database's NOTIFY reaches them.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {}

  get idleMs(): number {
    return this.config.sessionIdleMinutes * 60 * 1000;
  }

  async create(userId: string, meta: { userAgent?: string; ip?: string }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.idleMs);
    await execute(
      this.db,
      `INSERT INTO user_session (token_hash, user_id, csrf_token, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4, $5, $6)`,
      [sha256(token), userId, csrfToken, expiresAt, meta.userAgent?.slice(0, 300) ?? null, meta.ip ?? null],
    );
    // Housekeeping: drop this person's expired sessions.
    await execute(this.db, `DELETE FROM user_session WHERE user_id = $1 AND expires_at < now()`, [userId]);
    return { token, csrfToken, expiresAt };
  }

  /**
   * The principal of a valid session token, extending its idle expiry; null when unknown, expired or
   * deactivated. A session read a moment ago on this instance is answered without the database; its idle
   * expiry is then extended by the next read, which comes at the latest SESSION_CACHE_SECONDS later.
   */
  async resolve(token: string | undefined): Promise<Principal | null> {
    if (!token || token.length > 100) return null;
    const tokenHash = sha256(token);
    const kept = this.cache.get(tokenHash);
    if (kept) return kept;
    const ticket = this.cache.ticket();
    const row = await queryOne<SessionRow>(
      this.db,
      `SELECT s.user_id, u.email, u.name, u.language, s.csrf_token, s.last_seen_at, s.expires_at, s.created_at,
                coalesce(json_agg(json_build_object('role', r.role, 'regionId', r.region_id, 'projectId', r.project_id, 'kommuneId', r.kommune_id) ORDER BY r.role, r.created_at, r.id) FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
           FROM user_session s
           JOIN app_user u ON u.id = s.user_id AND u.active
           LEFT JOIN role_assignment r ON r.user_id = u.id
          WHERE s.token_hash = $1 AND s.expires_at > now()
          GROUP BY s.token_hash, u.id`,
      [tokenHash],
    );
    if (!row) return null;
    let expiresAt = new Date(row.expires_at);
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      const expires = new Date(Math.min(Date.now() + this.idleMs, new Date(row.created_at).getTime() + ABSOLUTE_LIFETIME_MS));
      await execute(this.db, `UPDATE user_session SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1`, [tokenHash, expires]);
      expiresAt = expires;
    }
    const principal: Principal = {
      userId: row.user_id,
      email: row.email,
      name: row.name,
      language: row.language,
      roles: row.roles,
      csrfToken: row.csrf_token,
      sessionTokenHash: tokenHash,
    };
    this.cache.set(principal, expiresAt, ticket);
    return principal;
  }

  async revoke(tokenHash: string): Promise<void> {
    await execute(this.db, `DELETE FROM user_session WHERE token_hash = $1`, [tokenHash]);
    this.cache.forgetSession(tokenHash);
  }

  async revokeAllForUser(userId: string, exceptTokenHash?: string): Promise<void> {
    await execute(this.db, `DELETE FROM user_session WHERE user_id = $1 AND token_hash <> coalesce($2, '')`, [
      userId,
      exceptTokenHash ?? null,
    ]);
    this.cache.forgetUsers([userId]);
  }

  /**
   * Call after a change to these people's roles or account (name, e-mail, language, active) has
   * committed: this instance reads their sessions afresh from the next request. The other instances
   * hear of it from the database (NOTIFY nvr_auth, sent by triggers when the change commits).
   */
  forgetUsers(userIds: Iterable<string>): void {
    this.cache.forgetUsers(userIds);
  }

  cookieOptions(expiresAt?: Date) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.cookieSecure,
      path: '/',
      ...(expiresAt ? { expires: expiresAt } : {}),
    };
  }
}
