import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne, queryRows } from '../database/sql';
import { ChangePasswordDto, LoginDto, MeResponseDto, SetLanguageDto } from './auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { SessionService } from './session.service';

interface LoginUserRow {
  id: string;
  password_hash: string;
  active: boolean;
}

interface RegionNameRow {
  id: string;
  name: string;
}

interface AttemptCountsRow {
  by_email: number;
  by_ip: number;
  oldest: Date | null;
}

/** Failed logins allowed in the window, per e-mail and per client address (shared by all instances). */
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 30 };

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(dto: LoginDto, meta: { ip: string; userAgent?: string }): Promise<{ token: string; expiresAt: Date; me: MeResponseDto }> {
    // The attempt is recorded as failed before the password is checked, so parallel guesses cannot
    // all pass the limit check; a right password turns it into a success afterwards.
    const attemptId = await this.recordAttempt(dto.email, meta.ip);
    const user = await queryOne<LoginUserRow>(this.db, `SELECT id, password_hash, active FROM app_user WHERE lower(email) = lower($1)`, [
      dto.email,
    ]);
    const ok = (await verifyPassword(user?.password_hash, dto.password)) && user !== undefined && user.active;
    if (!ok || !user)
      throw new DomainError('INVALID_CREDENTIALS', 'The e-mail address or password is wrong, or the account is deactivated.');
    if (this.config.passwordSignIn === 'off' && !(await this.isBreakGlassAdmin(user.id, dto.email)))
      throw new DomainError('PASSWORD_SIGN_IN_OFF', 'Passwords are turned off here: sign in with your organisation.');
    await execute(this.db, `UPDATE login_attempt SET succeeded = true WHERE id = $1`, [attemptId]);
    const session = await this.sessions.create(user.id, meta);
    const principal = await this.sessions.resolve(session.token);
    if (!principal) throw new Error('A session just created could not be read');
    return { token: session.token, expiresAt: session.expiresAt, me: await this.me(principal) };
  }

  /** With passwords off, only a break-glass administrator (BREAK_GLASS_EMAIL, holding the admin role) signs in with one. */
  private async isBreakGlassAdmin(userId: string, email: string): Promise<boolean> {
    if (!this.config.breakGlassEmails.includes(email.trim().toLowerCase())) return false;
    return !!(await queryOne<{ found: number }>(this.db, `SELECT 1 AS found FROM role_assignment WHERE user_id = $1 AND role = 'admin'`, [
      userId,
    ]));
  }

  async me(principal: Principal): Promise<MeResponseDto> {
    const regionIds = [...new Set(principal.roles.map((r) => r.regionId).filter((id): id is string => id !== null))];
    const names = regionIds.length
      ? await queryRows<RegionNameRow>(this.db, `SELECT id, name FROM region WHERE id = ANY($1::uuid[])`, [regionIds])
      : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return {
      user: { id: principal.userId, email: principal.email, name: principal.name, language: principal.language },
      roles: principal.roles.map((r) => ({ ...r, regionName: r.regionId ? (nameOf.get(r.regionId) ?? null) : null })),
      csrfToken: principal.csrfToken,
    };
  }

  /** Stores the person's language; the answer is the session as /auth/me gives it, in the new language. */
  async setLanguage(principal: Principal, dto: SetLanguageDto): Promise<MeResponseDto> {
    await execute(this.db, `UPDATE app_user SET language = $2, updated_at = now() WHERE id = $1`, [principal.userId, dto.language]);
    this.sessions.forgetUsers([principal.userId]);
    return this.me({ ...principal, language: dto.language });
  }

  async changePassword(principal: Principal, dto: ChangePasswordDto): Promise<void> {
    const user = await queryOne<Pick<LoginUserRow, 'password_hash'>>(this.db, `SELECT password_hash FROM app_user WHERE id = $1`, [
      principal.userId,
    ]);
    if (!(await verifyPassword(user?.password_hash, dto.currentPassword))) {
      throw new DomainError('CURRENT_PASSWORD_WRONG', 'Your current password is not right.');
    }
    await execute(this.db, `UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      principal.userId,
      await hashPassword(dto.newPassword),
    ]);
    // Other devices must sign in again with the new password.
    await this.sessions.revokeAllForUser(principal.userId, principal.sessionTokenHash);
  }

  /**
   * Checks the limits and records the attempt (as failed, until the password proves right) in one
   * transaction that holds a lock per e-mail and per client address, so that the count a guess sees
   * includes every guess before it.
   */
  private async recordAttempt(email: string, ip: string): Promise<string> {
    return this.db.transaction(async (tx) => {
      // Always e-mail first, then address: two logins never wait for each other in opposite order.
      await execute(tx, `SELECT pg_advisory_xact_lock(hashtext('login-email:' || lower($1)))`, [email]);
      await execute(tx, `SELECT pg_advisory_xact_lock(hashtext('login-ip:' || $1))`, [ip]);
      const counts = await queryOne<AttemptCountsRow>(
        tx,
        `SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int AS by_email,
                count(*) FILTER (WHERE ip = $2)::int AS by_ip,
                min(at) AS oldest
           FROM login_attempt
          WHERE NOT succeeded AND at > now() - make_interval(mins => $3) AND (lower(email) = lower($1) OR ip = $2)`,
        [email, ip, LOGIN_LIMITS.windowMinutes],
      );
      if (counts && (counts.by_email >= LOGIN_LIMITS.perEmail || counts.by_ip >= LOGIN_LIMITS.perIp)) {
        const retryAfter = counts.oldest
          ? Math.max(1, Math.ceil((new Date(counts.oldest).getTime() + LOGIN_LIMITS.windowMinutes * 60_000 - Date.now()) / 1000))
          : 60;
        throw new DomainError(
          'TOO_MANY_ATTEMPTS',
          `Too many failed sign-in attempts. Wait ${Math.ceil(retryAfter / 60)} minutes and try again, or ask an administrator to reset your password.`,
          undefined,
          retryAfter,
        ).withParams({ minutes: Math.ceil(retryAfter / 60) });
      }
      const row = await queryOne<{ id: string }>(
        tx,
        `INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, false) RETURNING id::text`,
        [email.toLowerCase(), ip],
      );
      if (!row) throw new Error('A login attempt could not be recorded');
      return row.id;
    });
  }
}
