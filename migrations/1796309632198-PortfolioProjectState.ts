import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each project stands, kept beside it for the portfolio (issue 13), so a page no longer works out
 * every matching project's current phase and overdue deliverables from their phases and deliverables.
 * `project_portfolio_state` holds, per project, what does not depend on the day: the current phase (the
 * first by position that is in progress or awaiting its decision: id, key, state, actual start, planned
 * end) and the due dates of its open deliverables (draft, submitted or returned, with a due date; every
 * phase), sorted. "Overdue as of today" is then `width_bucket(today - 1, open_due_dates)`: a binary search.
 *
 * Triggers keep it in step inside the writing transaction, whoever writes (the app, a script, a test):
 * a new project gets its row; a statement that changes phases or deliverables in a way that matters
 * recomputes the rows of the projects it touched, after locking them (in id order), so two transactions
 * writing to one project queue and the second computes from what the first committed. A restore loads
 * the rows from the backup (no trigger fires there); a backup from before this migration gets them here.
 */
export class PortfolioProjectState1796309632198 implements MigrationInterface {
  name = 'PortfolioProjectState1796309632198';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_portfolio_state (
        project_id uuid PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
        phase_id uuid,
        phase_key text,
        phase_state text,
        actual_start date,
        planned_end date,
        open_due_dates date[] NOT NULL DEFAULT '{}'
      )`);

    // Recomputes the rows of these projects from their phases and deliverables (rows of projects gone are left to the cascade).
    await q.query(`
      CREATE FUNCTION project_portfolio_state_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF coalesce(cardinality(ids), 0) = 0 THEN
          RETURN;
        END IF;
        -- A project whose row is missing (none should be) gets one.
        INSERT INTO project_portfolio_state (project_id)
          SELECT p.id FROM project p WHERE p.id = ANY (ids) ORDER BY p.id
          ON CONFLICT (project_id) DO NOTHING;
        -- Lock first; the UPDATE below then reads a snapshot taken after any earlier writer committed.
        PERFORM 1 FROM project_portfolio_state s WHERE s.project_id = ANY (ids) ORDER BY s.project_id FOR UPDATE;
        UPDATE project_portfolio_state s
           SET phase_id = n.phase_id, phase_key = n.phase_key, phase_state = n.phase_state,
               actual_start = n.actual_start, planned_end = n.planned_end, open_due_dates = n.open_due_dates
          FROM (
            SELECT p.id, cur.id AS phase_id, cur.phase_key, cur.state AS phase_state, cur.actual_start, cur.planned_end,
                   coalesce(due.dates, '{}') AS open_due_dates
              FROM project p
              LEFT JOIN LATERAL (
                SELECT ph.id, ph.phase_key, ph.state, ph.actual_start, ph.planned_end FROM project_phase ph
                 WHERE ph.project_id = p.id AND ph.state IN ('in_progress', 'awaiting_decision')
                 ORDER BY ph.position LIMIT 1
              ) cur ON true
              LEFT JOIN LATERAL (
                SELECT array_agg(d.due_date ORDER BY d.due_date) AS dates
                  FROM project_phase ph JOIN deliverable d ON d.phase_id = ph.id
                 WHERE ph.project_id = p.id AND d.state IN ('draft', 'submitted', 'returned') AND d.due_date IS NOT NULL
              ) due ON true
             WHERE p.id = ANY (ids)
          ) n
         WHERE s.project_id = n.id
           AND (s.phase_id, s.phase_key, s.phase_state, s.actual_start, s.planned_end, s.open_due_dates)
               IS DISTINCT FROM (n.phase_id, n.phase_key, n.phase_state, n.actual_start, n.planned_end, n.open_due_dates);
      END $$`);

    // A new project gets its (empty) row in the same statement.
    await q.query(`
      CREATE FUNCTION project_portfolio_state_project_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO project_portfolio_state (project_id) SELECT id FROM added ORDER BY id ON CONFLICT (project_id) DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER project_portfolio_state_added AFTER INSERT ON project
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION project_portfolio_state_project_added()`);

    // Phases: inserted, deleted, or changed in what the current phase reads (or moved to another project).
    await q.query(`
      CREATE FUNCTION project_portfolio_state_phases() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(SELECT DISTINCT project_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(SELECT DISTINCT project_id FROM old_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(
            SELECT x.project_id FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.project_id), (n.project_id)) x(project_id)
             WHERE (o.project_id, o.phase_key, o.position, o.state, o.actual_start, o.planned_end)
                   IS DISTINCT FROM (n.project_id, n.phase_key, n.position, n.state, n.actual_start, n.planned_end)
             GROUP BY x.project_id));
        ELSE -- TRUNCATE
          PERFORM project_portfolio_state_refresh(ARRAY(SELECT project_id FROM project_portfolio_state));
        END IF;
        RETURN NULL;
      END $$`);
    // Deliverables: those open with a due date before or after the statement (a deliverable moved between
    // phases counts for both projects).
    await q.query(`
      CREATE FUNCTION project_portfolio_state_deliverables() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(
            SELECT DISTINCT ph.project_id FROM new_rows d JOIN project_phase ph ON ph.id = d.phase_id
             WHERE d.state IN ('draft', 'submitted', 'returned') AND d.due_date IS NOT NULL));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(
            SELECT DISTINCT ph.project_id FROM old_rows d JOIN project_phase ph ON ph.id = d.phase_id
             WHERE d.state IN ('draft', 'submitted', 'returned') AND d.due_date IS NOT NULL));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM project_portfolio_state_refresh(ARRAY(
            SELECT DISTINCT ph.project_id
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.phase_id, o.state, o.due_date), (n.phase_id, n.state, n.due_date)) x(phase_id, state, due_date)
              JOIN project_phase ph ON ph.id = x.phase_id
             WHERE (o.phase_id, o.state, o.due_date) IS DISTINCT FROM (n.phase_id, n.state, n.due_date)
               AND x.state IN ('draft', 'submitted', 'returned') AND x.due_date IS NOT NULL));
        ELSE -- TRUNCATE
          PERFORM project_portfolio_state_refresh(ARRAY(SELECT project_id FROM project_portfolio_state));
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['project_phase', 'project_portfolio_state_phases'],
      ['deliverable', 'project_portfolio_state_deliverables'],
    ]) {
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_state_insert AFTER INSERT ON ${table}
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_state_update AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_state_delete AFTER DELETE ON ${table}
          REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`
        CREATE TRIGGER ${table}_portfolio_state_truncate AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }

    // The projects there are now.
    await q.query(`INSERT INTO project_portfolio_state (project_id) SELECT id FROM project`);
    await q.query(`SELECT project_portfolio_state_refresh(ARRAY(SELECT id FROM project))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['deliverable', 'project_phase']) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) await q.query(`DROP TRIGGER ${table}_portfolio_state_${op} ON ${table}`);
    }
    await q.query(`DROP TRIGGER project_portfolio_state_added ON project`);
    await q.query(`DROP FUNCTION project_portfolio_state_deliverables`);
    await q.query(`DROP FUNCTION project_portfolio_state_phases`);
    await q.query(`DROP FUNCTION project_portfolio_state_project_added`);
    await q.query(`DROP FUNCTION project_portfolio_state_refresh`);
    await q.query(`DROP TABLE project_portfolio_state`);
  }
}
