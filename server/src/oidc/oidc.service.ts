import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { SessionService } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import type { AppConfig, OidcProviderConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { execute, queryOne, queryRows } from '../database/sql';
import { InvitationService, type PendingInvitation } from '../invitations/invitation.service';
import { LinkedProviderDto, SignInOptionsDto } from './oidc.dto';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A sign-in must come back from the provider within this long. */
const LOGIN_TTL_MINUTES = 10;
/** The discovery document is fetched again after this long (keys and endpoints may rotate). */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export const OIDC_STATE_COOKIE = 'nvr_oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';

interface LoginRow {
  provider: string;
  code_verifier: string;
  nonce: string;
  invitation_id: string | null;
  link_user_id: string | null;
}

interface UserRow {
  id: string;
  active: boolean;
}

/** The identity a provider vouched for, from the validated ID token. */
interface Identity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  idToken: string | undefined;
}

/**
 * Sign-in with OpenID Connect providers (authorization code flow with PKCE, state and nonce). An account
 * is found by its linked identity (provider + sub), else by a verified e-mail address in a domain the
 * provider serves (and linked then), else an invited person's account is created from their invitation.
 * Nothing is created when the answer is a refusal.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('Oidc');
  private readonly discovered = new Map<string, { config: client.Configuration; at: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly invitations: InvitationService,
  ) {}

  options(): SignInOptionsDto {
    return { passwordSignIn: this.config.passwordSignIn, providers: this.config.oidcProviders.map((p) => ({ id: p.id, name: p.name })) };
  }

  /** The provider identities linked to this person's account, in the order they were linked. */
  async linkedTo(userId: string): Promise<LinkedProviderDto[]> {
    const rows = await queryRows<{ provider: string; created_at: Date }>(
      this.db,
      `SELECT provider, created_at FROM identity_link WHERE user_id = $1 ORDER BY created_at, provider`,
      [userId],
    );
    const names = new Map(this.config.oidcProviders.map((p) => [p.id, p.name]));
    return rows.map((r) => ({ provider: r.provider, name: names.get(r.provider) ?? r.provider, linkedAt: r.created_at.toISOString() }));
  }

  get redirectUri(): string {
    return `${this.config.publicBaseUrl}${CALLBACK_PATH}`;
  }

  /**
   * Starts a sign-in at a provider: stores the PKCE verifier and nonce under the state's hash and answers
   * the provider's authorization address and the state (for the browser-bound cookie).
   */
  async start(providerId: string, opts: { invitationToken?: string; linkUserId?: string }): Promise<{ url: string; state: string }> {
    const provider = this.provider(providerId);
    let invitation: PendingInvitation | null = null;
    if (opts.invitationToken) invitation = await this.invitations.pendingByToken(this.db.manager, opts.invitationToken);
    const config = await this.discover(provider);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const codeChallenge = await client.calculatePKCECodeChallenge(codeVerifier);
    await execute(this.db, `DELETE FROM oidc_login WHERE expires_at < now()`);
    await execute(
      this.db,
      `INSERT INTO oidc_login (state_hash, provider, code_verifier, nonce, invitation_id, link_user_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [sha256(state), provider.id, codeVerifier, nonce, invitation?.id ?? null, opts.linkUserId ?? null, LOGIN_TTL_MINUTES],
    );
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: provider.scopes,
      response_type: 'code',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(invitation ? { login_hint: invitation.email } : {}),
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a sign-in: checks the state against the browser's cookie and uses it once, exchanges the code
   * (with the PKCE verifier; the nonce and the ID token are checked), finds or creates the account and opens
   * a session. Answers the session token, or where to go after linking.
   */
  async callback(
    query: { code?: string; state?: string; error?: string; search: string },
    cookieState: string | undefined,
    meta: { ip: string; userAgent?: string },
  ): Promise<{ token?: string; expiresAt?: Date; linked?: boolean }> {
    if (!query.state || !cookieState || query.state !== cookieState)
      throw new DomainError(
        'OIDC_STATE_INVALID',
        'The sign-in could not be matched to this browser (wrong or missing state). Start the sign-in again.',
      );
    const login = await queryOne<LoginRow>(
      this.db,
      `DELETE FROM oidc_login WHERE state_hash = $1 AND expires_at > now() RETURNING provider, code_verifier, nonce, invitation_id, link_user_id`,
      [sha256(query.state)],
    );
    if (!login) throw new DomainError('OIDC_STATE_INVALID', 'This sign-in has been used already or has expired. Start the sign-in again.');
    if (query.error || !query.code)
      throw new DomainError(
        'OIDC_SIGN_IN_FAILED',
        `The provider did not sign you in${query.error ? ` (${query.error.slice(0, 100)})` : ''}.`,
      );
    const provider = this.provider(login.provider);
    const config = await this.discover(provider);
    let identity: Identity;
    try {
      const tokens = await client.authorizationCodeGrant(config, new URL(`${this.redirectUri}${query.search}`), {
        pkceCodeVerifier: login.code_verifier,
        expectedState: query.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      const email = typeof claims.email === 'string' ? claims.email.trim() : null;
      const name =
        typeof claims.name === 'string'
          ? claims.name
          : [claims.given_name, claims.family_name].filter((x): x is string => typeof x === 'string').join(' ') || null;
      identity = { subject: claims.sub, email, emailVerified: claims.email_verified === true, name, idToken: tokens.id_token };
    } catch (e) {
      this.logger.warn(`Sign-in with ${provider.id} failed at the token exchange: ${e instanceof Error ? e.message : String(e)}`);
      if (isNetworkError(e)) throw unavailable(provider);
      throw new DomainError(
        'OIDC_SIGN_IN_FAILED',
        'The provider did not confirm the sign-in (the code may have been used already). Start the sign-in again.',
      );
    }

    if (login.link_user_id) {
      await this.link(this.db.manager, login.link_user_id, provider, identity);
      return { linked: true };
    }
    const userId = await this.db.transaction((tx) => this.accountFor(tx, provider, identity, login.invitation_id));
    const session = await this.sessions.create(userId, meta);
    await execute(this.db, `UPDATE user_session SET oidc_provider = $2, id_token = $3 WHERE token_hash = $1`, [
      sha256(session.token),
      provider.id,
      identity.idToken ?? null,
    ]);
    return { token: session.token, expiresAt: session.expiresAt };
  }

  /** Ends the local session, and answers the provider's sign-out address when the session came from one that has it. */
  async logout(me: Principal): Promise<string | null> {
    const row = await queryOne<{ oidc_provider: string | null; id_token: string | null }>(
      this.db,
      `SELECT oidc_provider, id_token FROM user_session WHERE token_hash = $1`,
      [me.sessionTokenHash],
    );
    await this.sessions.revoke(me.sessionTokenHash);
    const provider = this.config.oidcProviders.find((p) => p.id === row?.oidc_provider);
    if (!provider) return null;
    try {
      const config = await this.discover(provider);
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: `${this.config.publicBaseUrl}/logg-inn`,
        ...(row?.id_token ? { id_token_hint: row.id_token } : { client_id: provider.clientId }),
      }).href;
    } catch {
      return null; // the local session has ended; the provider's sign-out is a courtesy
    }
  }

  private async accountFor(tx: EntityManager, provider: OidcProviderConfig, id: Identity, invitationId: string | null): Promise<string> {
    const linked = await queryOne<UserRow>(
      tx,
      `SELECT u.id, u.active FROM identity_link l JOIN app_user u ON u.id = l.user_id WHERE l.provider = $1 AND l.subject = $2`,
      [provider.id, id.subject],
    );
    if (linked) {
      if (!linked.active) throw deactivated();
      return linked.id;
    }
    if (invitationId) {
      // The link in the invitation e-mail was followed: the invitation is the proof of the address.
      const invitation = await this.invitations.pendingById(tx, invitationId);
      if (!invitation)
        throw new DomainError('INVITATION_NOT_FOUND', 'The invitation is no longer valid. Ask the person who invited you for a new one.');
      return this.createInvited(tx, provider, id, invitation);
    }
    if (!id.email || !id.emailVerified)
      throw new DomainError(
        'OIDC_EMAIL_NOT_VERIFIED',
        `${provider.name} did not confirm an e-mail address for you, so no account can be matched. Use the link in your invitation, or sign in another way and link ${provider.name} to your account.`,
      );
    const domain = id.email.split('@')[1]?.toLowerCase() ?? '';
    if (provider.domains.length > 0 && !provider.domains.includes(domain))
      throw new DomainError(
        'OIDC_DOMAIN_NOT_SERVED',
        `${provider.name} does not sign in addresses at ${domain} here. Choose your own organisation's sign-in.`,
      );
    const byEmail = await queryOne<UserRow>(tx, `SELECT id, active FROM app_user WHERE lower(email) = lower($1)`, [id.email]);
    if (byEmail) {
      if (!byEmail.active) throw deactivated();
      await this.link(tx, byEmail.id, provider, id);
      return byEmail.id;
    }
    const invitation = await this.invitations.pendingByEmail(tx, id.email);
    if (!invitation)
      throw new DomainError(
        'OIDC_NO_ACCOUNT',
        `There is no account or invitation for ${id.email}. Ask your regionråd or project leader to invite you.`,
      );
    return this.createInvited(tx, provider, id, invitation);
  }

  private async createInvited(
    tx: EntityManager,
    provider: OidcProviderConfig,
    id: Identity,
    invitation: PendingInvitation,
  ): Promise<string> {
    const name = id.name?.trim() || invitation.email.split('@')[0];
    const userId = await this.invitations.accept(tx, invitation, { name, passwordHash: '' });
    await this.link(tx, userId, provider, id);
    return userId;
  }

  /** Links the identity to the account, once: an identity linked to someone else, or a second identity at the same provider, is refused. */
  private async link(em: EntityManager, userId: string, provider: OidcProviderConfig, id: Identity): Promise<void> {
    const existing = await queryOne<{ user_id: string }>(em, `SELECT user_id FROM identity_link WHERE provider = $1 AND subject = $2`, [
      provider.id,
      id.subject,
    ]);
    if (existing?.user_id === userId) return;
    if (existing) throw new DomainError('OIDC_IDENTITY_TAKEN', `This ${provider.name} identity is linked to another account already.`);
    const other = await queryOne<{ found: number }>(em, `SELECT 1 AS found FROM identity_link WHERE user_id = $1 AND provider = $2`, [
      userId,
      provider.id,
    ]);
    if (other) throw new DomainError('OIDC_IDENTITY_TAKEN', `Your account is linked to another ${provider.name} identity already.`);
    await execute(em, `INSERT INTO identity_link (user_id, provider, subject, email) VALUES ($1, $2, $3, $4)`, [
      userId,
      provider.id,
      id.subject,
      id.email,
    ]);
  }

  provider(id: string): OidcProviderConfig {
    const p = this.config.oidcProviders.find((x) => x.id === id);
    if (!p) throw new DomainError('OIDC_PROVIDER_NOT_FOUND', `There is no sign-in provider ${id}.`);
    return p;
  }

  /** The provider's metadata (discovery), kept for an hour; a provider that cannot be reached answers OIDC_PROVIDER_UNAVAILABLE. */
  private async discover(p: OidcProviderConfig): Promise<client.Configuration> {
    const kept = this.discovered.get(p.id);
    if (kept && Date.now() - kept.at < DISCOVERY_TTL_MS) return kept.config;
    const auth =
      p.authMethod === 'none'
        ? client.None()
        : p.authMethod === 'client_secret_post'
          ? client.ClientSecretPost(p.clientSecret ?? '')
          : client.ClientSecretBasic(p.clientSecret ?? '');
    try {
      const insecure = p.issuer.startsWith('http://');
      const config = await client.discovery(new URL(p.issuer), p.clientId, undefined, auth, {
        timeout: 10,
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      });
      this.discovered.set(p.id, { config, at: Date.now() });
      return config;
    } catch (e) {
      this.logger.warn(`The provider ${p.id} (${p.issuer}) could not be reached: ${e instanceof Error ? e.message : String(e)}`);
      throw unavailable(p);
    }
  }
}

function unavailable(p: OidcProviderConfig): DomainError {
  return new DomainError(
    'OIDC_PROVIDER_UNAVAILABLE',
    `${p.name} cannot be reached right now. Try again in a while, or sign in another way.`,
  );
}

function deactivated(): DomainError {
  return new DomainError('OIDC_ACCOUNT_DEACTIVATED', 'Your account is deactivated. Ask an administrator if you need access.');
}

function isNetworkError(e: unknown): boolean {
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  return e instanceof TypeError || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(cause?.code ?? '');
}
