import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PLP journey: projects of a region, their phases, deliverables with files, gate checkpoints,
 * submissions for decision, the regionråd's decisions, and an append-only history.
 */
export class Projects1795476000000 implements MigrationInterface {
  name = 'Projects1795476000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT,
        name text NOT NULL CONSTRAINT project_name_not_blank CHECK (btrim(name) <> ''),
        description text,
        status text NOT NULL DEFAULT 'active' CONSTRAINT project_status CHECK (status IN ('active', 'completed', 'stopped')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_region_idx ON project (region_id)`);
    await q.query(`
      CREATE TABLE project_kommune (
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kommune_id uuid NOT NULL REFERENCES kommune(id) ON DELETE RESTRICT,
        PRIMARY KEY (project_id, kommune_id)
      )`);
    // Project roles name a project; now that projects exist, hold them to it.
    await q.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_project_fk FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE`,
    );
    await q.query(`CREATE INDEX role_assignment_project_idx ON role_assignment (project_id)`);
    await q.query(`
      CREATE TABLE project_phase (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        phase_key text NOT NULL CONSTRAINT project_phase_key CHECK (phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')),
        position smallint NOT NULL,
        state text NOT NULL DEFAULT 'not_started' CONSTRAINT project_phase_state CHECK (state IN ('not_started', 'in_progress', 'awaiting_decision', 'completed', 'stopped')),
        planned_start date,
        planned_end date,
        actual_start date,
        actual_end date,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT project_phase_unique UNIQUE (project_id, phase_key),
        CONSTRAINT project_phase_planned CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
        CONSTRAINT project_phase_actual CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start)
      )`);
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes integer NOT NULL CONSTRAINT stored_file_size CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        data bytea NOT NULL,
        uploaded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE deliverable (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        catalogue_key text,
        title text NOT NULL,
        required boolean NOT NULL DEFAULT true,
        state text NOT NULL DEFAULT 'draft' CONSTRAINT deliverable_state CHECK (state IN ('draft', 'submitted', 'accepted', 'returned', 'not_required')),
        owner_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        due_date date,
        content text NOT NULL DEFAULT '',
        not_required_reason text,
        review_comment text,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliverable_catalogue_unique UNIQUE (phase_id, catalogue_key),
        CONSTRAINT deliverable_not_required_reason CHECK (state <> 'not_required' OR btrim(coalesce(not_required_reason, '')) <> '')
      )`);
    await q.query(`CREATE INDEX deliverable_phase_idx ON deliverable (phase_id)`);
    await q.query(`CREATE INDEX deliverable_due_idx ON deliverable (due_date) WHERE state IN ('draft', 'returned')`);
    await q.query(`
      CREATE TABLE deliverable_file (
        deliverable_id uuid NOT NULL REFERENCES deliverable(id) ON DELETE CASCADE,
        file_id uuid NOT NULL REFERENCES stored_file(id) ON DELETE CASCADE,
        PRIMARY KEY (deliverable_id, file_id)
      )`);
    await q.query(`
      CREATE TABLE gate_checkpoint (
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        checkpoint_key text NOT NULL,
        checked boolean NOT NULL DEFAULT false,
        comment text,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (phase_id, checkpoint_key)
      )`);
    await q.query(`
      CREATE TABLE gate_submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        submitted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        note text,
        readiness jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX gate_submission_phase_idx ON gate_submission (phase_id, submitted_at)`);
    await q.query(`
      CREATE TABLE gate_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL CONSTRAINT gate_decision_once UNIQUE REFERENCES gate_submission(id) ON DELETE CASCADE,
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        outcome text NOT NULL CONSTRAINT gate_decision_outcome CHECK (outcome IN ('approved', 'approved_with_conditions', 'sent_back', 'stopped')),
        meeting_date date NOT NULL,
        case_number text NOT NULL,
        decision_text text NOT NULL,
        conditions text,
        minutes_file_id uuid REFERENCES stored_file(id) ON DELETE SET NULL,
        decided_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT gate_decision_conditions CHECK (outcome <> 'approved_with_conditions' OR btrim(coalesce(conditions, '')) <> '')
      )`);
    await q.query(`
      CREATE TABLE history_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX history_event_project_idx ON history_event (project_id, id DESC)`);
    // History is append-only: no update, no delete (except when the whole project is deleted).
    await q.query(`
      CREATE FUNCTION history_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM project WHERE id = OLD.project_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'history_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER history_event_append_only BEFORE UPDATE OR DELETE ON history_event
        FOR EACH ROW EXECUTE FUNCTION history_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE history_event`);
    await q.query(`DROP FUNCTION history_event_append_only`);
    await q.query(`DROP TABLE gate_decision`);
    await q.query(`DROP TABLE gate_submission`);
    await q.query(`DROP TABLE gate_checkpoint`);
    await q.query(`DROP TABLE deliverable_file`);
    await q.query(`DROP TABLE deliverable`);
    await q.query(`DROP TABLE stored_file`);
    await q.query(`DROP TABLE project_phase`);
    await q.query(`DROP INDEX role_assignment_project_idx`);
    await q.query(`ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_project_fk`);
    await q.query(`DROP TABLE project_kommune`);
    await q.query(`DROP TABLE project`);
  }
}
