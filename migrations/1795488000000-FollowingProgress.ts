import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following progress: status reports (frozen once published), comments with @mentions, in-app
 * notifications with a once-only key, an e-mail outbox, a Postgres job queue, and the indexes the
 * national portfolio reads through.
 */
export class FollowingProgress1795488000000 implements MigrationInterface {
  name = 'FollowingProgress1795488000000';

  async up(q: QueryRunner): Promise<void> {
    const colour = (
      aspect: string,
    ) => `${aspect}_colour text CONSTRAINT status_report_${aspect}_colour CHECK (${aspect}_colour IN ('green', 'yellow', 'red')),
        ${aspect}_comment text NOT NULL DEFAULT ''`;
    await q.query(`
      CREATE TABLE status_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        period text NOT NULL CONSTRAINT status_report_period_format CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        state text NOT NULL DEFAULT 'draft' CONSTRAINT status_report_state CHECK (state IN ('draft', 'published')),
        ${colour('overall')},
        ${colour('progress')},
        ${colour('economy')},
        ${colour('risk')},
        budget_total bigint CONSTRAINT status_report_budget_total CHECK (budget_total >= 0),
        spent_to_date bigint CONSTRAINT status_report_spent_to_date CHECK (spent_to_date >= 0),
        forecast bigint CONSTRAINT status_report_forecast CHECK (forecast >= 0),
        next_steps text NOT NULL DEFAULT '',
        copied_from_id uuid REFERENCES status_report(id) ON DELETE SET NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        published_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT status_report_period_unique UNIQUE (project_id, period),
        CONSTRAINT status_report_published_complete CHECK (
          state <> 'published' OR (published_at IS NOT NULL AND overall_colour IS NOT NULL AND progress_colour IS NOT NULL AND economy_colour IS NOT NULL AND risk_colour IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX status_report_published_idx ON status_report (project_id, period DESC) WHERE state = 'published'`);
    // A published report is frozen: its content never changes and it is not deleted (except with its
    // project). References to people and earlier reports may still be cleared when those go.
    await q.query(`
      CREATE FUNCTION status_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        refs text[] := ARRAY['created_by', 'published_by', 'copied_from_id'];
      BEGIN
        IF OLD.state <> 'published' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM project WHERE id = OLD.project_id) THEN
          RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - refs) = (to_jsonb(OLD) - refs) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a published status report is frozen';
      END $$`);
    await q.query(
      `CREATE TRIGGER status_report_frozen BEFORE UPDATE OR DELETE ON status_report FOR EACH ROW EXECUTE FUNCTION status_report_frozen()`,
    );

    await q.query(`
      CREATE TABLE comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        target_type text NOT NULL CONSTRAINT comment_target_type CHECK (target_type IN ('phase_plan', 'deliverable', 'status_report')),
        target_id uuid NOT NULL,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        body text NOT NULL CONSTRAINT comment_body_not_blank CHECK (btrim(body) <> ''),
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX comment_target_idx ON comment (project_id, target_type, target_id, created_at)`);

    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CONSTRAINT notification_kind CHECK (kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue', 'phase_too_long', 'gate_awaiting_decision', 'status_report_due')),
        project_id uuid REFERENCES project(id) ON DELETE CASCADE,
        target_type text NOT NULL,
        target_id uuid NOT NULL,
        period text NOT NULL DEFAULT '',
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        params jsonb NOT NULL DEFAULT '{}',
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_once UNIQUE (kind, target_id, recipient_id, period)
      )`);
    await q.query(`CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL`);

    // Every e-mail the app sends goes here first, in the transaction that caused it. Without SMTP it
    // stays 'captured' (nothing leaves the machine); with SMTP a job delivers 'pending' mail.
    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notification_id uuid REFERENCES notification(id) ON DELETE SET NULL,
        recipient_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        state text NOT NULL CONSTRAINT outbox_state CHECK (state IN ('captured', 'pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_recipient_idx ON outbox (recipient_id)`);

    // The job queue: workers claim due jobs with FOR UPDATE SKIP LOCKED; a unique key makes enqueueing idempotent.
    await q.query(`
      CREATE TABLE job (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        unique_key text,
        state text NOT NULL DEFAULT 'queued' CONSTRAINT job_state CHECK (state IN ('queued', 'running', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 5 CONSTRAINT job_max_attempts CHECK (max_attempts >= 1),
        run_at timestamptz NOT NULL DEFAULT now(),
        locked_by text,
        locked_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX job_unique_key ON job (unique_key) WHERE unique_key IS NOT NULL`);
    await q.query(`CREATE INDEX job_due_idx ON job (run_at, id) WHERE state = 'queued'`);
    await q.query(`CREATE INDEX job_running_idx ON job (locked_at) WHERE state = 'running'`);

    // The portfolio reads each project's current phase and its open deliverables with a due date.
    await q.query(
      `CREATE INDEX project_phase_current_idx ON project_phase (project_id) WHERE state IN ('in_progress', 'awaiting_decision')`,
    );
    await q.query(
      `CREATE INDEX deliverable_open_due_idx ON deliverable (phase_id, due_date) WHERE state IN ('draft', 'submitted', 'returned') AND due_date IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deliverable_open_due_idx`);
    await q.query(`DROP INDEX project_phase_current_idx`);
    await q.query(`DROP TABLE job`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE notification`);
    await q.query(`DROP TABLE comment`);
    await q.query(`DROP TABLE status_report`);
    await q.query(`DROP FUNCTION status_report_frozen`);
  }
}
