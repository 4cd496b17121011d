import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The risk register of a project (issue 14): each risk with cause and consequence, probability and
 * consequence (1–5) before and after measures, the measures, a strategy, an owner, the quarter it may
 * occur in ('YYYY-Qn') and a status. A published status report keeps the register as it was: the copy is
 * written in the transaction that publishes the report (risk_snapshot with one risk_snapshot_item per
 * risk) and never changes; it goes only with its report, that is with the project.
 */
export class RiskRegister1796309429991 implements MigrationInterface {
  name = 'RiskRegister1796309429991';

  async up(q: QueryRunner): Promise<void> {
    const scores = (table: string) => `
        CONSTRAINT ${table}_scores CHECK (
          probability_before BETWEEN 1 AND 5 AND consequence_before BETWEEN 1 AND 5
          AND (probability_after IS NULL) = (consequence_after IS NULL)
          AND (probability_after IS NULL OR (probability_after BETWEEN 1 AND 5 AND consequence_after BETWEEN 1 AND 5))
        )`;
    await q.query(`
      CREATE TABLE risk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        number integer NOT NULL,
        description text NOT NULL CONSTRAINT risk_description_not_blank CHECK (btrim(description) <> ''),
        cause text NOT NULL DEFAULT '',
        consequence text NOT NULL DEFAULT '',
        probability_before smallint NOT NULL,
        consequence_before smallint NOT NULL,
        probability_after smallint,
        consequence_after smallint,
        measures text NOT NULL DEFAULT '',
        strategy text NOT NULL CONSTRAINT risk_strategy CHECK (strategy IN ('avoid', 'reduce', 'transfer', 'accept')),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        proximity text CONSTRAINT risk_proximity CHECK (proximity ~ '^[0-9]{4}-Q[1-4]$'),
        status text NOT NULL DEFAULT 'open' CONSTRAINT risk_status CHECK (status IN ('open', 'closed', 'occurred')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_number_unique UNIQUE (project_id, number),
        ${scores('risk')}
      )`);
    // The top risks across the projects one follows read the open risks only.
    await q.query(`CREATE INDEX risk_open_idx ON risk (project_id) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE risk_snapshot (
        report_id uuid PRIMARY KEY REFERENCES status_report(id) ON DELETE CASCADE,
        frozen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE risk_snapshot_item (
        report_id uuid NOT NULL REFERENCES risk_snapshot(report_id) ON DELETE CASCADE,
        risk_id uuid NOT NULL,
        number integer NOT NULL,
        description text NOT NULL,
        cause text NOT NULL,
        consequence text NOT NULL,
        probability_before smallint NOT NULL,
        consequence_before smallint NOT NULL,
        probability_after smallint,
        consequence_after smallint,
        measures text NOT NULL,
        strategy text NOT NULL,
        owner_id uuid,
        owner_name text,
        proximity text,
        status text NOT NULL,
        PRIMARY KEY (report_id, risk_id),
        ${scores('risk_snapshot_item')}
      )`);
    // The copy is frozen: no update ever, and a delete only when its status report is gone (with the project).
    await q.query(`
      CREATE FUNCTION risk_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM status_report WHERE id = OLD.report_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'the risk register of a published status report is frozen';
      END $$`);
    await q.query(
      `CREATE TRIGGER risk_snapshot_frozen BEFORE UPDATE OR DELETE ON risk_snapshot FOR EACH ROW EXECUTE FUNCTION risk_snapshot_frozen()`,
    );
    await q.query(
      `CREATE TRIGGER risk_snapshot_item_frozen BEFORE UPDATE OR DELETE ON risk_snapshot_item FOR EACH ROW EXECUTE FUNCTION risk_snapshot_frozen()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE risk_snapshot_item`);
    await q.query(`DROP TABLE risk_snapshot`);
    await q.query(`DROP FUNCTION risk_snapshot_frozen()`);
    await q.query(`DROP TABLE risk`);
  }
}
