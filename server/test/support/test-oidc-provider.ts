import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcProviderConfig } from '../../src/config/app-config';

/** What the test provider says about a person: the ID token's claims. */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  server: Server;
  /** The app's settings for this provider (id `test`, shown as "Testinnlogging"). */
  config: OidcProviderConfig;
  /** Who the provider signs in next: its own login page is skipped, the test chooses. */
  signInNext(account: TestAccount): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on loopback, for one client of the app
 * (`nvr`, PKCE required). It listens first, so the app can be configured with its issuer, and takes the
 * app's redirect addresses when `configure` is called.
 */
export async function listenTestOidcProvider(): Promise<
  TestOidcProvider & { configure(app: { redirectUri: string; postLogoutUri: string }): void }
> {
  // The provider's notices about its development defaults (keys, lifetimes, Node version) are not the tests' business.
  for (const level of ['info', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      if (/^oidc-provider /.test(String(args[0]))) return;
      original(...args);
    };
  }
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  let next: TestAccount | null = null;
  let provider: Provider | null = null;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!provider) {
      res.statusCode = 503;
      res.end('not configured');
      return;
    }
    const op = provider;
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        if (!next) throw new Error('The test did not say who signs in (signInNext).');
        const details = await op.interactionDetails(req, res);
        accounts.set(next.sub, next);
        const grant = new op.Grant({ accountId: next.sub, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await op.interactionFinished(
          req,
          res,
          { login: { accountId: next.sub }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      })();
      return;
    }
    void op.callback()(req, res);
  });

  return {
    issuer,
    server,
    config: {
      id: 'test',
      name: 'Testinnlogging',
      issuer,
      clientId: 'nvr',
      clientSecret: 'a-client-secret-for-tests',
      authMethod: 'client_secret_basic',
      scopes: 'openid email profile',
      domains: ['kommune.no'],
    },
    configure({ redirectUri, postLogoutUri }) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: 'nvr',
            client_secret: 'a-client-secret-for-tests',
            redirect_uris: [redirectUri],
            post_logout_redirect_uris: [postLogoutUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        pkce: { required: () => true },
        claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        cookies: { keys: ['test-cookie-key'] },
        findAccount: (_ctx, sub) => {
          const a = accounts.get(sub);
          return a ? { accountId: sub, claims: () => ({ ...a }) } : undefined;
        },
      });
    },
    signInNext(account) {
      next = account;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
