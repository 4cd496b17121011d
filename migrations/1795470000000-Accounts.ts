import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, scoped role assignments, server-side sessions and login attempts (for rate limiting). */
export class Accounts1795470000000 implements MigrationInterface {
  name = 'Accounts1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT app_user_email_format CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
        name text NOT NULL CONSTRAINT app_user_name_not_blank CHECK (btrim(name) <> ''),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`
      CREATE TABLE role_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CONSTRAINT role_assignment_role CHECK (role IN ('admin', 'regionraad', 'project_leader', 'project_member', 'adviser', 'kommune_contact')),
        region_id uuid REFERENCES region(id) ON DELETE CASCADE,
        project_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT role_assignment_scope CHECK (
          (role = 'admin' AND region_id IS NULL AND project_id IS NULL)
          OR (role IN ('regionraad', 'adviser', 'kommune_contact') AND region_id IS NOT NULL AND project_id IS NULL)
          OR (role IN ('project_leader', 'project_member') AND region_id IS NOT NULL AND project_id IS NOT NULL)
        )
      )`);
    await q.query(`
      CREATE UNIQUE INDEX role_assignment_unique ON role_assignment
        (user_id, role, coalesce(region_id, '00000000-0000-0000-0000-000000000000'), coalesce(project_id, '00000000-0000-0000-0000-000000000000'))`);
    await q.query(`CREATE INDEX role_assignment_region_idx ON role_assignment (region_id)`);
    await q.query(`
      CREATE TABLE user_session (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        user_agent text,
        ip text
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);
    await q.query(`CREATE INDEX user_session_expires_idx ON user_session (expires_at)`);
    await q.query(`
      CREATE TABLE login_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempt_email_idx ON login_attempt (lower(email), at)`);
    await q.query(`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE role_assignment`);
    await q.query(`DROP TABLE app_user`);
  }
}
