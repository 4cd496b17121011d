import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The benefits register of a project (issue 14, gevinstrealisering): each benefit (numbered per project,
 * optionally under one of the plan's benefit areas, kept as the area's words), with an owner and its
 * indicators (unit, start value and date, target value and date), and the measurements of each indicator
 * over time (date, value, comment, who recorded it), at most one per indicator and day. The register
 * outlives the project: handed_over_at says when the benefits were handed to their owners at the end.
 * Adds the yearly reminder to a benefit's owner (benefit_measurement_due) to the notification kinds.
 */
export class BenefitsRegister1796309645282 implements MigrationInterface {
  name = 'BenefitsRegister1796309645282';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE benefit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        number integer NOT NULL,
        title text NOT NULL CONSTRAINT benefit_title_not_blank CHECK (btrim(title) <> ''),
        description text NOT NULL DEFAULT '',
        benefit_area text CONSTRAINT benefit_area_not_blank CHECK (btrim(benefit_area) <> ''),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        handed_over_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benefit_number_unique UNIQUE (project_id, number)
      )`);
    // The yearly reminder and "my benefits" read benefits by owner.
    await q.query(`CREATE INDEX benefit_owner_idx ON benefit (owner_id)`);

    await q.query(`
      CREATE TABLE benefit_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        benefit_id uuid NOT NULL REFERENCES benefit(id) ON DELETE CASCADE,
        name text NOT NULL CONSTRAINT benefit_indicator_name_not_blank CHECK (btrim(name) <> ''),
        unit text NOT NULL CONSTRAINT benefit_indicator_unit_not_blank CHECK (btrim(unit) <> ''),
        start_value numeric(16,4) NOT NULL,
        start_date date NOT NULL,
        target_value numeric(16,4) NOT NULL,
        target_date date NOT NULL,
        closed boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT benefit_indicator_dates CHECK (target_date > start_date)
      )`);
    await q.query(`CREATE INDEX benefit_indicator_benefit_idx ON benefit_indicator (benefit_id)`);

    await q.query(`
      CREATE TABLE benefit_measurement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES benefit_indicator(id) ON DELETE CASCADE,
        measured_on date NOT NULL,
        value numeric(16,4) NOT NULL,
        comment text NOT NULL DEFAULT '',
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT benefit_measurement_once UNIQUE (indicator_id, measured_on)
      )`);

    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue',
        'phase_too_long', 'gate_awaiting_decision', 'status_report_due', 'gate_submitted', 'case_at_body', 'gate_decided',
        'deliverable_reviewed', 'kommune_case_opened', 'kommune_deadline_near', 'condition_due', 'benefit_measurement_due'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'benefit_measurement_due'`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('mention', 'deliverable_due_soon', 'deliverable_overdue',
        'phase_too_long', 'gate_awaiting_decision', 'status_report_due', 'gate_submitted', 'case_at_body', 'gate_decided',
        'deliverable_reviewed', 'kommune_case_opened', 'kommune_deadline_near', 'condition_due'))`);
    await q.query(`DROP TABLE benefit_measurement`);
    await q.query(`DROP TABLE benefit_indicator`);
    await q.query(`DROP TABLE benefit`);
  }
}
