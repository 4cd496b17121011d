import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing in with the organisation's own identity, and inviting people by e-mail (issue 16).
 *
 * - `invitation`: an invitation to one e-mail address with the roles to give, scoped to a region (and a
 *   project) for listing and withdrawing, or to no region (an administrator's invitation that gives the
 *   admin role). The link carries a random token; only its hash is stored. Single use (accepted_at), with
 *   an expiry, and withdrawable (withdrawn_at).
 * - `identity_link`: a person's identity at an OpenID Connect provider (issuer's `sub`), linked once.
 * - `oidc_login`: a sign-in under way at a provider: the state (hashed), the PKCE verifier and the nonce,
 *   used once by the callback and forgotten after ten minutes.
 * - `user_session` remembers the provider it was opened with and its ID token, so signing out can end the
 *   provider's session too.
 */
export class InvitationsAndSignInProviders1796319868604 implements MigrationInterface {
  name = 'InvitationsAndSignInProviders1796319868604';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        language text NOT NULL DEFAULT 'nb',
        roles jsonb NOT NULL,
        region_id uuid,
        project_id uuid,
        token_hash text NOT NULL,
        invited_by uuid,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitation_pkey PRIMARY KEY (id),
        CONSTRAINT invitation_token_hash_key UNIQUE (token_hash),
        CONSTRAINT invitation_region_id_fkey FOREIGN KEY (region_id) REFERENCES region(id) ON DELETE CASCADE,
        CONSTRAINT invitation_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT invitation_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT invitation_email_format CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
        CONSTRAINT invitation_language CHECK (language IN ('nb', 'nn', 'en')),
        CONSTRAINT invitation_roles_array CHECK (jsonb_typeof(roles) = 'array')
      )`);
    await q.query(`CREATE INDEX invitation_region_idx ON invitation (region_id)`);
    await q.query(`CREATE INDEX invitation_project_idx ON invitation (project_id)`);

    await q.query(`
      CREATE TABLE identity_link (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        provider text NOT NULL,
        subject text NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT identity_link_pkey PRIMARY KEY (id),
        CONSTRAINT identity_link_subject_key UNIQUE (provider, subject),
        CONSTRAINT identity_link_user_provider_key UNIQUE (user_id, provider),
        CONSTRAINT identity_link_user_id_fkey FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE oidc_login (
        state_hash text NOT NULL,
        provider text NOT NULL,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        invitation_id uuid,
        link_user_id uuid,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT oidc_login_pkey PRIMARY KEY (state_hash),
        CONSTRAINT oidc_login_invitation_id_fkey FOREIGN KEY (invitation_id) REFERENCES invitation(id) ON DELETE CASCADE,
        CONSTRAINT oidc_login_link_user_id_fkey FOREIGN KEY (link_user_id) REFERENCES app_user(id) ON DELETE CASCADE
      )`);

    await q.query(`ALTER TABLE user_session ADD COLUMN oidc_provider text, ADD COLUMN id_token text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_session DROP COLUMN oidc_provider, DROP COLUMN id_token`);
    await q.query(`DROP TABLE oidc_login`);
    await q.query(`DROP TABLE identity_link`);
    await q.query(`DROP TABLE invitation`);
  }
}
