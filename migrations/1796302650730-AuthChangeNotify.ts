import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API instance keeps a signed-in person's session for a few seconds (issue 13, SESSION_CACHE_SECONDS).
 * Whatever ends a session or changes what it carries (sign-out, a password change, a deactivated
 * account, a role given, taken or changed, a new name, e-mail address or language) tells every
 * instance at once: `NOTIFY nvr_auth, '<user id>'` (delivered when the change commits), or `'*'`
 * when one of the tables is truncated. The instances LISTEN and forget that person's sessions.
 *
 * A session's own UPDATE notifies only when it is cut short or changed in substance: the sliding
 * expiry (last_seen_at, a later expires_at) written while it is used does not. A restore loads rows
 * with session_replication_role = replica, where no trigger fires.
 */
export class AuthChangeNotify1796302650730 implements MigrationInterface {
  name = 'AuthChangeNotify1796302650730';

  async up(q: QueryRunner): Promise<void> {
    // TG_ARGV[0] names the column holding the person's id (id in app_user, user_id elsewhere).
    await q.query(`
      CREATE FUNCTION auth_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM pg_notify('nvr_auth', to_jsonb(OLD) ->> TG_ARGV[0]);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM pg_notify('nvr_auth', to_jsonb(NEW) ->> TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION auth_change_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('nvr_auth', '*');
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE TRIGGER user_session_auth_change AFTER DELETE ON user_session
        FOR EACH ROW EXECUTE FUNCTION auth_change_notify('user_id')`);
    await q.query(`
      CREATE TRIGGER user_session_auth_change_update AFTER UPDATE ON user_session
        FOR EACH ROW
        WHEN (NEW.expires_at < OLD.expires_at OR NEW.user_id <> OLD.user_id OR NEW.token_hash <> OLD.token_hash
              OR NEW.csrf_token <> OLD.csrf_token)
        EXECUTE FUNCTION auth_change_notify('user_id')`);
    await q.query(`
      CREATE TRIGGER role_assignment_auth_change AFTER INSERT OR UPDATE OR DELETE ON role_assignment
        FOR EACH ROW EXECUTE FUNCTION auth_change_notify('user_id')`);
    await q.query(`
      CREATE TRIGGER app_user_auth_change AFTER DELETE ON app_user
        FOR EACH ROW EXECUTE FUNCTION auth_change_notify('id')`);
    await q.query(`
      CREATE TRIGGER app_user_auth_change_update AFTER UPDATE ON app_user
        FOR EACH ROW
        WHEN (NEW.active IS DISTINCT FROM OLD.active OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
              OR NEW.email IS DISTINCT FROM OLD.email OR NEW.name IS DISTINCT FROM OLD.name
              OR NEW.language IS DISTINCT FROM OLD.language)
        EXECUTE FUNCTION auth_change_notify('id')`);
    for (const table of ['user_session', 'role_assignment', 'app_user']) {
      await q.query(`
        CREATE TRIGGER ${table}_auth_change_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION auth_change_notify_all()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['user_session', 'role_assignment', 'app_user']) {
      await q.query(`DROP TRIGGER ${table}_auth_change_truncate ON ${table}`);
    }
    await q.query(`DROP TRIGGER app_user_auth_change_update ON app_user`);
    await q.query(`DROP TRIGGER app_user_auth_change ON app_user`);
    await q.query(`DROP TRIGGER role_assignment_auth_change ON role_assignment`);
    await q.query(`DROP TRIGGER user_session_auth_change_update ON user_session`);
    await q.query(`DROP TRIGGER user_session_auth_change ON user_session`);
    await q.query(`DROP FUNCTION auth_change_notify_all`);
    await q.query(`DROP FUNCTION auth_change_notify`);
  }
}
