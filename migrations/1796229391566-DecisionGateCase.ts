import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decision gate as it really runs (issue 11):
 * - a region's bodies (styringsgruppe → rådmannsgruppe → regionråd …) in the order its cases pass them,
 *   and which body decides each kind of gate (the owner, or a body it delegated to);
 * - each submission's case route: one step per body, with its meeting, case number, recommendation
 *   (innstilling) and minutes; the deciding step ends in the gate decision;
 * - each member kommune's own case (kommunestyre) when the next phase needs its money;
 * - conditions of an approval, followed up in the next phase;
 * - what a submission held (the package) and what a send-back reopened.
 */
export class DecisionGateCase1796229391566 implements MigrationInterface {
  name = 'DecisionGateCase1796229391566';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region_body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT region_body_name_not_blank CHECK (btrim(name) <> ''),
        kind text NOT NULL CONSTRAINT region_body_kind
          CHECK (kind IN ('styringsgruppe', 'radmannsgruppe', 'arbeidsutvalg', 'regionrad', 'styre', 'formannskap', 'annet')),
        position smallint NOT NULL CONSTRAINT region_body_position CHECK (position >= 0),
        is_owner boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT region_body_name_unique UNIQUE (region_id, name),
        CONSTRAINT region_body_region_id_unique UNIQUE (region_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX region_body_one_owner ON region_body (region_id) WHERE is_owner`);
    await q.query(`
      CREATE TABLE region_gate_decider (
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE CASCADE,
        phase_key text NOT NULL CONSTRAINT region_gate_decider_phase CHECK (phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')),
        body_id uuid NOT NULL,
        PRIMARY KEY (region_id, phase_key),
        CONSTRAINT region_gate_decider_body_fkey FOREIGN KEY (body_id, region_id) REFERENCES region_body(id, region_id) ON DELETE CASCADE
      )`);

    await q.query(`ALTER TABLE gate_submission ADD COLUMN package jsonb`);
    await q.query(`ALTER TABLE gate_submission ADD COLUMN proposed_decision text`);

    await q.query(`
      CREATE TABLE gate_case_step (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES gate_submission(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        body_id uuid REFERENCES region_body(id) ON DELETE SET NULL,
        body_name text NOT NULL,
        body_kind text NOT NULL,
        decides boolean NOT NULL DEFAULT false,
        meeting_date date,
        case_number text,
        recommended_outcome text CONSTRAINT gate_case_step_recommended
          CHECK (recommended_outcome IS NULL OR recommended_outcome IN ('approved', 'approved_with_conditions', 'sent_back', 'stopped')),
        recommendation text,
        minutes_file_id uuid REFERENCES stored_file(id) ON DELETE SET NULL,
        handled_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        handled_at timestamptz,
        CONSTRAINT gate_case_step_position UNIQUE (submission_id, position),
        CONSTRAINT gate_case_step_handled CHECK ((handled_at IS NULL) = (meeting_date IS NULL))
      )`);

    await q.query(`ALTER TABLE gate_decision ADD COLUMN step_id uuid REFERENCES gate_case_step(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE gate_decision ADD COLUMN body_name text`);
    await q.query(`ALTER TABLE gate_decision ADD COLUMN reopened jsonb`);

    await q.query(`
      CREATE TABLE kommune_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES gate_submission(id) ON DELETE CASCADE,
        kommune_id uuid NOT NULL REFERENCES kommune(id) ON DELETE RESTRICT,
        kommune_name text NOT NULL,
        deadline date NOT NULL,
        share bigint NOT NULL CONSTRAINT kommune_case_share CHECK (share >= 0),
        outcome text NOT NULL DEFAULT 'pending' CONSTRAINT kommune_case_outcome
          CHECK (outcome IN ('pending', 'yes', 'yes_with_changes', 'no', 'not_handled')),
        meeting_date date,
        case_number text,
        decision_text text,
        amount_committed bigint CONSTRAINT kommune_case_amount CHECK (amount_committed IS NULL OR amount_committed >= 0),
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT kommune_case_once UNIQUE (submission_id, kommune_id)
      )`);
    await q.query(`CREATE INDEX kommune_case_deadline_idx ON kommune_case (deadline) WHERE outcome = 'pending'`);

    await q.query(`
      CREATE TABLE gate_condition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES gate_decision(id) ON DELETE CASCADE,
        phase_id uuid NOT NULL REFERENCES project_phase(id) ON DELETE CASCADE,
        position smallint NOT NULL,
        text text NOT NULL CONSTRAINT gate_condition_text CHECK (btrim(text) <> ''),
        owner_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        due_date date,
        state text NOT NULL DEFAULT 'open' CONSTRAINT gate_condition_state CHECK (state IN ('open', 'met', 'waived')),
        resolution_note text,
        file_id uuid REFERENCES stored_file(id) ON DELETE SET NULL,
        resolved_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT gate_condition_position UNIQUE (decision_id, position),
        CONSTRAINT gate_condition_resolved CHECK ((state = 'open') = (resolved_at IS NULL))
      )`);
    await q.query(`CREATE INDEX gate_condition_phase_idx ON gate_condition (phase_id)`);

    // A plan frozen when its gate is submitted, beside the manual and approved versions.
    await q.query(`ALTER TABLE phase_plan_snapshot DROP CONSTRAINT phase_plan_snapshot_reason`);
    await q.query(
      `ALTER TABLE phase_plan_snapshot ADD CONSTRAINT phase_plan_snapshot_reason CHECK (reason IN ('approved', 'saved', 'submitted'))`,
    );

    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue',
        'phase_too_long', 'gate_awaiting_decision', 'status_report_due', 'gate_submitted', 'case_at_body', 'gate_decided',
        'deliverable_reviewed', 'kommune_case_opened', 'kommune_deadline_near', 'condition_due'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind NOT IN ('mention', 'deliverable_due_soon', 'deliverable_overdue',
      'phase_too_long', 'gate_awaiting_decision', 'status_report_due')`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue',
        'phase_too_long', 'gate_awaiting_decision', 'status_report_due'))`);
    await q.query(`DELETE FROM phase_plan_snapshot WHERE reason = 'submitted'`);
    await q.query(`ALTER TABLE phase_plan_snapshot DROP CONSTRAINT phase_plan_snapshot_reason`);
    await q.query(`ALTER TABLE phase_plan_snapshot ADD CONSTRAINT phase_plan_snapshot_reason CHECK (reason IN ('approved', 'saved'))`);
    await q.query(`DROP TABLE gate_condition`);
    await q.query(`DROP TABLE kommune_case`);
    await q.query(`ALTER TABLE gate_decision DROP COLUMN reopened, DROP COLUMN body_name, DROP COLUMN step_id`);
    await q.query(`DROP TABLE gate_case_step`);
    await q.query(`ALTER TABLE gate_submission DROP COLUMN proposed_decision, DROP COLUMN package`);
    await q.query(`DROP TABLE region_gate_decider`);
    await q.query(`DROP TABLE region_body`);
  }
}
