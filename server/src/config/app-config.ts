import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidationError, validateSync } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? ['true', '1', 'yes'].includes(value.toLowerCase())
      ? true
      : ['false', '0', 'no'].includes(value.toLowerCase())
        ? false
        : value
    : value;
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);

/** An absolute http(s) address (host, optional port and path), no trailing slash, query or fragment. */
const PUBLIC_BASE_URL_PATTERN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s/?#]+)*$/;

/** Environment variables the app reads, validated once at boot (see README "Configuration"). */
export class EnvVars {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'EMBEDDED_PG_PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO_DATA must be true or false' })
  SEED_DEMO_DATA?: boolean;

  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], { message: 'LOG_LEVEL must be one of error, warn, log, debug, verbose' })
  LOG_LEVEL?: 'error' | 'warn' | 'log' | 'debug' | 'verbose';

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_IDLE_MINUTES must be a whole number' })
  @Min(5)
  @Max(60 * 24 * 30)
  SESSION_IDLE_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_CACHE_SECONDS must be a whole number from 0 (off) to 60' })
  @Min(0, { message: 'SESSION_CACHE_SECONDS must be a whole number from 0 (off) to 60' })
  @Max(60, { message: 'SESSION_CACHE_SECONDS must be a whole number from 0 (off) to 60' })
  SESSION_CACHE_SECONDS?: number;

  @IsOptional()
  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/^([^<>]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/, {
    message: 'MAIL_FROM must be an e-mail address, optionally with a name: Name <address@example.no>',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'JOBS_ENABLED must be true or false' })
  JOBS_ENABLED?: boolean;

  @IsOptional()
  @IsIn(['public', 'signed-in', 'off'], { message: 'API_DOCS must be public, signed-in or off' })
  API_DOCS?: 'public' | 'signed-in' | 'off';

  @IsOptional()
  @Matches(/^(off|https?:\/\/\S+)$/, { message: 'SSB_API_URL must be an http(s) URL (SSB PxWebApi v2) or off' })
  SSB_API_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(PUBLIC_BASE_URL_PATTERN, {
    message: 'PUBLIC_BASE_URL must be an absolute http:// or https:// address without a trailing slash, e.g. https://nvr.example.no',
  })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SURVEY_ANSWER_RATE_LIMIT must be a whole number' })
  @Min(1)
  @Max(100000)
  SURVEY_ANSWER_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SURVEY_RETENTION_DAYS must be a whole number' })
  @Min(1)
  @Max(3650)
  SURVEY_RETENTION_DAYS?: number;

  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsIn(['on', 'off'], { message: 'PASSWORD_SIGN_IN must be on or off' })
  PASSWORD_SIGN_IN?: 'on' | 'off';

  @IsOptional()
  @Matches(/^[^@\s,]+@[^@\s,]+(\s*,\s*[^@\s,]+@[^@\s,]+)*$/, {
    message: 'BREAK_GLASS_EMAIL must be one or more e-mail addresses, comma-separated',
  })
  BREAK_GLASS_EMAIL?: string;

  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,30}(\s*,\s*[a-z][a-z0-9-]{0,30})*$/, {
    message: 'OIDC_PROVIDERS must be a comma-separated list of provider ids (lower-case letters, digits and -), e.g. entra,idporten',
  })
  OIDC_PROVIDERS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'INVITATION_DAYS must be a whole number' })
  @Min(1)
  @Max(90)
  INVITATION_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'OWN_WORK_HOURLY_RATE must be whole kroner per hour from 1 to 100000' })
  @Min(1, { message: 'OWN_WORK_HOURLY_RATE must be whole kroner per hour from 1 to 100000' })
  @Max(100_000, { message: 'OWN_WORK_HOURLY_RATE must be whole kroner per hour from 1 to 100000' })
  OWN_WORK_HOURLY_RATE?: number;
}

/** One OpenID Connect provider people may sign in with (README "Signing in with Entra ID or ID-porten"). */
export interface OidcProviderConfig {
  /** The id in OIDC_PROVIDERS; part of the variable names (OIDC_<ID>_…) and stored with each linked identity. */
  id: string;
  /** The button's text: "Logg inn med <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  /** How the client authenticates at the token endpoint. */
  authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
  scopes: string;
  /**
   * The e-mail domains the provider speaks for: an account is matched by a verified e-mail address only
   * when its domain is one of them. Empty: every domain.
   */
  domains: string[];
}

const PROVIDER_VAR = (id: string, key: string) => `OIDC_${id.toUpperCase().replace(/-/g, '_')}_${key}`;

/** The providers named by OIDC_PROVIDERS, each from its own OIDC_<ID>_… variables; problems are appended. */
export function parseOidcProviders(env: NodeJS.ProcessEnv, ids: string | undefined, problems: string[]): OidcProviderConfig[] {
  if (!ids) return [];
  const out: OidcProviderConfig[] = [];
  for (const id of [...new Set(ids.split(',').map((p) => p.trim()))]) {
    const get = (key: string) => {
      const v = env[PROVIDER_VAR(id, key)];
      return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const issuer = get('ISSUER');
    const clientId = get('CLIENT_ID');
    const clientSecret = get('CLIENT_SECRET') ?? null;
    const authMethod = get('AUTH_METHOD') ?? (clientSecret ? 'client_secret_basic' : 'none');
    if (!issuer) problems.push(`${PROVIDER_VAR(id, 'ISSUER')} must be set for the provider ${id} (its issuer address)`);
    else if (!/^https:\/\/[^\s]+$/.test(issuer) && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/[^\s]*)?$/.test(issuer))
      problems.push(`${PROVIDER_VAR(id, 'ISSUER')} must be an https:// address (got ${JSON.stringify(issuer)})`);
    if (!clientId) problems.push(`${PROVIDER_VAR(id, 'CLIENT_ID')} must be set for the provider ${id}`);
    if (!['client_secret_basic', 'client_secret_post', 'none'].includes(authMethod))
      problems.push(
        `${PROVIDER_VAR(id, 'AUTH_METHOD')} must be client_secret_basic, client_secret_post or none (got ${JSON.stringify(authMethod)})`,
      );
    else if (authMethod !== 'none' && !clientSecret)
      problems.push(`${PROVIDER_VAR(id, 'CLIENT_SECRET')} must be set for the provider ${id} (or AUTH_METHOD none)`);
    const domains = (get('DOMAINS') ?? '')
      .split(',')
      .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean);
    const badDomain = domains.find((d) => !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(d));
    if (badDomain)
      problems.push(`${PROVIDER_VAR(id, 'DOMAINS')} must be e-mail domains, comma-separated (got ${JSON.stringify(badDomain)})`);
    out.push({
      id,
      name: get('NAME') ?? id,
      issuer: issuer ?? '',
      clientId: clientId ?? '',
      clientSecret,
      authMethod: authMethod as OidcProviderConfig['authMethod'],
      scopes: get('SCOPES') ?? 'openid email profile',
      domains,
    });
  }
  return out;
}

/** Express's named subnets for `trust proxy`. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const TRUST_PROXY_MESSAGE =
  'TRUST_PROXY must be loopback, a number of proxy hops (0-99), or a comma-separated list of proxy addresses, ' +
  'subnets (CIDR, e.g. 10.0.0.0/8) or loopback, linklocal, uniquelocal';

/**
 * Which proxies are trusted to tell the client's address (X-Forwarded-For), in the form express's
 * `trust proxy` takes: a number of hops, or a list of addresses, subnets and named subnets. Answers null
 * when the value is not one of these.
 */
export function parseTrustProxy(value: string): number | string[] | null {
  const v = value.trim();
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  return parts.length > 0 && parts.every(isTrustedProxy) ? parts : null;
}

function isTrustedProxy(entry: string): boolean {
  if (TRUST_PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

export interface AppConfig {
  port: number;
  /** External Postgres; when absent an embedded PostgreSQL is started under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number;
  seedDemoData: boolean;
  logFormat: 'json' | 'pretty';
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Folder with the built web app, served at /; null serves the API only. */
  webDistDir: string | null;
  /** Send the session cookie only over HTTPS (default on in production). */
  cookieSecure: boolean;
  /** A session ends after this long without use (absolute limit: 7 days). */
  sessionIdleMinutes: number;
  /**
   * Each instance keeps a session it has read for this many seconds (0: every request reads it). Sign-out,
   * role and account changes reach every instance at once through PostgreSQL LISTEN/NOTIFY; while that
   * connection is down, sessions are read from the database every time.
   */
  sessionCacheSeconds: number;
  /** A first admin account, created at start if no account has this e-mail. */
  initialAdmin: { email: string; password: string } | null;
  /** SMTP server for e-mail; null keeps every e-mail in the outbox table (development, tests). */
  smtpUrl: string | null;
  /** The sender of every e-mail. */
  mailFrom: string;
  /** Run the background job worker and scheduler (reminders, e-mail delivery) in this process. */
  jobsEnabled: boolean;
  /** Who may read the API documentation at /api/docs: everyone, signed-in people (production default), or nobody. */
  apiDocs: 'public' | 'signed-in' | 'off';
  /**
   * SSB's PxWebApi v2 (e.g. https://data.ssb.no/api/pxwebapi/v2), from which an admin may refresh the population
   * figures; null (SSB_API_URL=off, the default outside production) turns the refresh off.
   */
  ssbApiUrl: string | null;
  /** Where people reach the web app; every link in an e-mail starts with it (no trailing slash). */
  publicBaseUrl: string;
  /** Survey answers one address may send per 10 minutes (counted in memory only, never stored or logged). */
  surveyAnswerRateLimit: number;
  /** Raw survey answers are deleted this many days after the project ended; the aggregated results stay. */
  surveyRetentionDays: number;
  /**
   * Which reverse proxies are trusted to tell the client's address (express `trust proxy`): a number of hops,
   * or addresses, subnets and named subnets. The survey answer and sign-in limits count per client address.
   */
  trustProxy: number | string[];
  /**
   * Sign-in with a password: `on` for everyone (small installations, the demo), or `off` for everyone except
   * the break-glass administrators (`breakGlassEmails`), who keep it for when the providers are unreachable.
   */
  passwordSignIn: 'on' | 'off';
  /** Administrators who may sign in with a password when passwordSignIn is off (default: ADMIN_EMAIL). */
  breakGlassEmails: string[];
  /** OpenID Connect providers people may sign in with (none: passwords only). */
  oidcProviders: OidcProviderConfig[];
  /** An invitation's link works for this many days. */
  invitationDays: number;
  /** Kroner per hour a new own-work (egeninnsats) budget line starts with; the line's rate stays editable. */
  ownWorkHourlyRate: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const repoRoot = findRepoRoot(__dirname);

/**
 * The default rate of own work (egeninnsats): 500 kr per hour, the rate the demo's budgets use (Kongsbergregionen's
 * 1.25 million kr of own work a year, from the seed plan, as 2 500 hours × 500 kr).
 */
export const DEFAULT_OWN_WORK_HOURLY_RATE = 500;

/** Reads and validates configuration from the environment; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvVars, pick(env), { enableImplicitConversion: false });
  const errors = validateSync(vars, { whitelist: true });
  if (Boolean(vars.ADMIN_EMAIL) !== Boolean(vars.ADMIN_PASSWORD)) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'ADMIN_EMAIL',
        value: vars.ADMIN_EMAIL,
        constraints: { pair: 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither' },
      }),
    );
  }
  if (typeof vars.TRUST_PROXY === 'string' && parseTrustProxy(vars.TRUST_PROXY) === null) {
    errors.push(
      Object.assign(new ValidationError(), {
        property: 'TRUST_PROXY',
        value: vars.TRUST_PROXY,
        constraints: { trustProxy: TRUST_PROXY_MESSAGE },
      }),
    );
  }
  const problems: string[] = [];
  const oidcProviders = parseOidcProviders(env, vars.OIDC_PROVIDERS, problems);
  const breakGlassEmails = (vars.BREAK_GLASS_EMAIL ?? vars.ADMIN_EMAIL ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  if (vars.PASSWORD_SIGN_IN === 'off' && breakGlassEmails.length === 0)
    problems.push('PASSWORD_SIGN_IN=off needs a break-glass administrator: set BREAK_GLASS_EMAIL (or ADMIN_EMAIL)');
  if (vars.PASSWORD_SIGN_IN === 'off' && oidcProviders.length === 0)
    problems.push('PASSWORD_SIGN_IN=off needs at least one sign-in provider: set OIDC_PROVIDERS');
  if (errors.length > 0 || problems.length > 0) {
    const secret = (key: string) => key === 'ADMIN_PASSWORD' || key === 'DATABASE_URL' || key === 'SMTP_URL';
    throw new ConfigError(
      errors
        .flatMap((e) => Object.values(e.constraints ?? {}).map((m) => (secret(e.property) ? m : `${m} (got ${JSON.stringify(e.value)})`)))
        .concat(problems),
    );
  }
  const port = vars.PORT ?? 3000;
  return {
    port,
    databaseUrl: vars.DATABASE_URL ?? null,
    dataDir: resolve(vars.DATA_DIR ?? resolve(repoRoot, '.data')),
    embeddedPgPort: vars.EMBEDDED_PG_PORT ?? 54329,
    seedDemoData: vars.SEED_DEMO_DATA ?? true,
    logFormat: vars.LOG_FORMAT ?? (env.NODE_ENV === 'production' ? 'json' : 'pretty'),
    logLevel: vars.LOG_LEVEL ?? 'log',
    webDistDir: env.WEB_DIST_DIR === '' ? null : resolve(vars.WEB_DIST_DIR ?? resolve(repoRoot, 'web/dist')),
    cookieSecure: vars.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    sessionIdleMinutes: vars.SESSION_IDLE_MINUTES ?? 8 * 60,
    sessionCacheSeconds: vars.SESSION_CACHE_SECONDS ?? 5,
    initialAdmin: vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD ? { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD } : null,
    smtpUrl: vars.SMTP_URL ?? null,
    mailFrom: vars.MAIL_FROM ?? 'Næringsvennlig region <ikke-svar@naeringsvennlig-region.no>',
    jobsEnabled: vars.JOBS_ENABLED ?? true,
    apiDocs: vars.API_DOCS ?? (env.NODE_ENV === 'production' ? 'signed-in' : 'public'),
    ssbApiUrl:
      (vars.SSB_API_URL ?? (env.NODE_ENV === 'production' ? 'https://data.ssb.no/api/pxwebapi/v2' : 'off')) === 'off'
        ? null
        : (vars.SSB_API_URL ?? 'https://data.ssb.no/api/pxwebapi/v2').replace(/\/+$/, ''),
    publicBaseUrl: vars.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    surveyAnswerRateLimit: vars.SURVEY_ANSWER_RATE_LIMIT ?? 20,
    surveyRetentionDays: vars.SURVEY_RETENTION_DAYS ?? 365,
    trustProxy: (vars.TRUST_PROXY === undefined ? null : parseTrustProxy(vars.TRUST_PROXY)) ?? ['loopback'],
    passwordSignIn: vars.PASSWORD_SIGN_IN ?? 'on',
    breakGlassEmails,
    oidcProviders,
    invitationDays: vars.INVITATION_DAYS ?? 14,
    ownWorkHourlyRate: vars.OWN_WORK_HOURLY_RATE ?? DEFAULT_OWN_WORK_HOURLY_RATE,
  };
}

const ENV_KEYS = [
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'SEED_DEMO_DATA',
  'LOG_FORMAT',
  'LOG_LEVEL',
  'WEB_DIST_DIR',
  'COOKIE_SECURE',
  'SESSION_IDLE_MINUTES',
  'SESSION_CACHE_SECONDS',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SMTP_URL',
  'MAIL_FROM',
  'JOBS_ENABLED',
  'API_DOCS',
  'SSB_API_URL',
  'PUBLIC_BASE_URL',
  'SURVEY_ANSWER_RATE_LIMIT',
  'SURVEY_RETENTION_DAYS',
  'TRUST_PROXY',
  'PASSWORD_SIGN_IN',
  'BREAK_GLASS_EMAIL',
  'OIDC_PROVIDERS',
  'INVITATION_DAYS',
  'OWN_WORK_HOURLY_RATE',
] as const;

function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ENV_KEYS) if (env[k] !== undefined && env[k] !== '') out[k] = env[k] as string;
  return out;
}

/** The repository root: the nearest folder above this file whose package.json declares workspaces. */
function findRepoRoot(from: string): string {
  let dir = from;
  while (dirname(dir) !== dir) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in JSON.parse(readFileSync(pkg, 'utf8'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
