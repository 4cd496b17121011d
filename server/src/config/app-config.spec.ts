import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded Postgres, demo data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: null,
      embeddedPgPort: 54329,
      seedDemoData: true,
      logFormat: 'pretty',
      logLevel: 'log',
    });
    expect(c.dataDir).toMatch(/\.data$/);
    expect(c.webDistDir).toMatch(/web\/dist$/);
    expect(c).toMatchObject({ smtpUrl: null, jobsEnabled: true, mailFrom: expect.stringContaining('<') as unknown });
  });

  it('reads the e-mail and job settings, and never repeats the SMTP password in an error', () => {
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.no:465', MAIL_FROM: 'post@example.no', JOBS_ENABLED: 'false' })).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.no:465',
      mailFrom: 'post@example.no',
      jobsEnabled: false,
    });
    expect(loadConfig({ MAIL_FROM: 'Region <post@example.no>' }).mailFrom).toBe('Region <post@example.no>');
    expect(() => loadConfig({ SMTP_URL: 'http://secret-password@x' })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL$/m);
    expect(() => loadConfig({ SMTP_URL: 'http://secret-password@x' })).not.toThrow(/secret-password/);
    expect(() => loadConfig({ MAIL_FROM: 'not an address', JOBS_ENABLED: 'sometimes' })).toThrow(
      /MAIL_FROM must be an e-mail address[\s\S]*JOBS_ENABLED must be true or false/,
    );
  });

  it('reads the public base URL for links in e-mails, defaulting to this server', () => {
    expect(loadConfig({}).publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://nvr.example.no' }).publicBaseUrl).toBe('https://nvr.example.no');
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://example.no:8443/nvr' }).publicBaseUrl).toBe('https://example.no:8443/nvr');
    for (const bad of [
      'https://nvr.example.no/',
      'nvr.example.no',
      '/prosjekter',
      'ftp://nvr.example.no',
      'https://x.no/?a=1',
      'https://',
    ]) {
      expect(() => loadConfig({ PUBLIC_BASE_URL: bad })).toThrow(
        /PUBLIC_BASE_URL must be an absolute http:\/\/ or https:\/\/ address without a trailing slash/,
      );
    }
  });

  it('reads the survey settings: answers per address per 10 minutes, and days raw answers are kept', () => {
    expect(loadConfig({})).toMatchObject({ surveyAnswerRateLimit: 20, surveyRetentionDays: 365 });
    expect(loadConfig({ SURVEY_ANSWER_RATE_LIMIT: '3', SURVEY_RETENTION_DAYS: '30' })).toMatchObject({
      surveyAnswerRateLimit: 3,
      surveyRetentionDays: 30,
    });
    expect(() => loadConfig({ SURVEY_ANSWER_RATE_LIMIT: 'many' })).toThrow(/SURVEY_ANSWER_RATE_LIMIT must be a whole number/);
    expect(() => loadConfig({ SURVEY_RETENTION_DAYS: '0' })).toThrow(/SURVEY_RETENTION_DAYS/);
  });

  it('reads which proxies are trusted to tell the client address: loopback by default, hops, or addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.5 , fd00::/8, uniquelocal' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.5',
      'fd00::/8',
      'uniquelocal',
    ]);
    for (const bad of [
      'true',
      'everyone',
      '10.0.0.0/33',
      'fd00::/129',
      '10.0.0.1/8/1',
      '300.1.1.1',
      'loopback,,10.0.0.1',
      '-1',
      '100',
      '1.5',
    ]) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY must be loopback, a number of proxy hops/);
    }
  });

  it('reads how long an instance keeps a session: 5 seconds by default, 0 turns it off, at most 60', () => {
    expect(loadConfig({}).sessionCacheSeconds).toBe(5);
    expect(loadConfig({ SESSION_CACHE_SECONDS: '0' }).sessionCacheSeconds).toBe(0);
    expect(loadConfig({ SESSION_CACHE_SECONDS: '60' }).sessionCacheSeconds).toBe(60);
    for (const bad of ['61', '-1', '2.5', 'soon']) {
      expect(() => loadConfig({ SESSION_CACHE_SECONDS: bad })).toThrow(/SESSION_CACHE_SECONDS must be a whole number from 0 \(off\) to 60/);
    }
  });

  it('reads the sign-in providers from OIDC_<ID>_… variables, and the password setting', () => {
    const config = loadConfig({
      OIDC_PROVIDERS: 'entra, idporten',
      OIDC_ENTRA_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      OIDC_ENTRA_CLIENT_ID: 'app-id',
      OIDC_ENTRA_CLIENT_SECRET: 'secret',
      OIDC_ENTRA_NAME: 'Microsoft Entra ID',
      OIDC_ENTRA_DOMAINS: 'kongsberg.kommune.no, @innovasjonnorge.no',
      OIDC_IDPORTEN_ISSUER: 'https://idporten.no',
      OIDC_IDPORTEN_CLIENT_ID: 'idp-client',
      OIDC_IDPORTEN_CLIENT_SECRET: 'idp-secret',
      OIDC_IDPORTEN_AUTH_METHOD: 'client_secret_post',
      OIDC_IDPORTEN_SCOPES: 'openid profile',
      PASSWORD_SIGN_IN: 'off',
      BREAK_GLASS_EMAIL: 'Nod@Example.no',
      INVITATION_DAYS: '7',
    } as NodeJS.ProcessEnv);
    expect(config.oidcProviders).toEqual([
      {
        id: 'entra',
        name: 'Microsoft Entra ID',
        issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
        clientId: 'app-id',
        clientSecret: 'secret',
        authMethod: 'client_secret_basic',
        scopes: 'openid email profile',
        domains: ['kongsberg.kommune.no', 'innovasjonnorge.no'],
      },
      expect.objectContaining({
        id: 'idporten',
        name: 'idporten',
        authMethod: 'client_secret_post',
        scopes: 'openid profile',
        domains: [],
      }),
    ]);
    expect(config).toMatchObject({ passwordSignIn: 'off', breakGlassEmails: ['nod@example.no'], invitationDays: 7 });
    expect(loadConfig({})).toMatchObject({ passwordSignIn: 'on', breakGlassEmails: [], oidcProviders: [], invitationDays: 14 });
    expect(() => loadConfig({ OIDC_PROVIDERS: 'entra', OIDC_ENTRA_ISSUER: 'http://evil.example.no' } as NodeJS.ProcessEnv)).toThrow(
      /OIDC_ENTRA_ISSUER must be an https:\/\/ address[\s\S]*OIDC_ENTRA_CLIENT_ID must be set/,
    );
    expect(() => loadConfig({ OIDC_PROVIDERS: 'Entra!' })).toThrow(/OIDC_PROVIDERS must be a comma-separated list/);
    expect(() => loadConfig({ PASSWORD_SIGN_IN: 'off' })).toThrow(
      /needs a break-glass administrator[\s\S]*needs at least one sign-in provider/,
    );
  });

  it('reads the default hourly rate of own work: 500 kr unless OWN_WORK_HOURLY_RATE says otherwise', () => {
    expect(loadConfig({}).ownWorkHourlyRate).toBe(500);
    expect(loadConfig({ OWN_WORK_HOURLY_RATE: '800' }).ownWorkHourlyRate).toBe(800);
    for (const bad of ['0', '-5', '750.5', 'many', '100001']) {
      expect(() => loadConfig({ OWN_WORK_HOURLY_RATE: bad })).toThrow(
        /OWN_WORK_HOURLY_RATE must be whole kroner per hour from 1 to 100000/,
      );
    }
  });

  it('reads and converts the variables', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u:p@db:5432/nvr',
      SEED_DEMO_DATA: 'false',
      NODE_ENV: 'production',
      WEB_DIST_DIR: '',
    });
    expect(c).toMatchObject({
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/nvr',
      seedDemoData: false,
      logFormat: 'json',
      webDistDir: null,
    });
  });

  it('lists every problem in one readable error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO_DATA: 'maybe', LOG_FORMAT: 'xml' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT must be a whole number (got "eighty")');
    expect(message).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(message).toContain('SEED_DEMO_DATA must be true or false');
    expect(message).toContain('LOG_FORMAT must be json or pretty');
  });
});
