import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closing the hovedprosjekt (issue 14): the final report (sluttrapport) per project, the evaluation of the
 * ten success factors by the project leader and by the owner (one evaluation each, one row per factor),
 * the lessons log, and the owner's closing decision — close, or carry the work on as a permanent
 * cooperation with an owner and its financing. Lessons are searched across regions with PostgreSQL's
 * Norwegian full-text configuration (stemming: "forankringen" finds "forankring"); the GIN index on the
 * expression is the migration's alone (the entity declares it with synchronize: false).
 */
export class ProjectClosing1796309664945 implements MigrationInterface {
  name = 'ProjectClosing1796309664945';

  async up(q: QueryRunner): Promise<void> {
    const factors = `'anchoring', 'realistic_goals', 'active_owner', 'meeting_places', 'attention', 'bureaucratic_flexibility', 'visible_results', 'cooperation', 'reporting', 'financing'`;
    await q.query(`
      CREATE TABLE closing_report (
        project_id uuid NOT NULL,
        sections jsonb NOT NULL DEFAULT '{}',
        budget_total bigint,
        spent_total bigint,
        version integer NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT closing_report_pkey PRIMARY KEY (project_id),
        CONSTRAINT closing_report_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT closing_report_created_by_fkey FOREIGN KEY (created_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT closing_report_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT closing_report_sections_object CHECK (jsonb_typeof(sections) = 'object'),
        CONSTRAINT closing_report_budget_total CHECK (budget_total >= 0),
        CONSTRAINT closing_report_spent_total CHECK (spent_total >= 0)
      )`);

    await q.query(`
      CREATE TABLE closing_evaluation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        perspective text NOT NULL,
        summary text NOT NULL DEFAULT '',
        version integer NOT NULL DEFAULT 1,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT closing_evaluation_pkey PRIMARY KEY (id),
        CONSTRAINT closing_evaluation_unique UNIQUE (project_id, perspective),
        CONSTRAINT closing_evaluation_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT closing_evaluation_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT closing_evaluation_perspective CHECK (perspective IN ('leader', 'owner'))
      )`);
    await q.query(`
      CREATE TABLE closing_evaluation_score (
        evaluation_id uuid NOT NULL,
        factor text NOT NULL,
        score smallint,
        comment text NOT NULL DEFAULT '',
        CONSTRAINT closing_evaluation_score_pkey PRIMARY KEY (evaluation_id, factor),
        CONSTRAINT closing_evaluation_score_evaluation_id_fkey FOREIGN KEY (evaluation_id) REFERENCES closing_evaluation(id) ON DELETE CASCADE,
        CONSTRAINT closing_evaluation_score_factor CHECK (factor IN (${factors})),
        CONSTRAINT closing_evaluation_score_scale CHECK (score BETWEEN 1 AND 5)
      )`);

    await q.query(`
      CREATE TABLE closing_lesson (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        phase_key text NOT NULL,
        category text NOT NULL,
        text text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT closing_lesson_pkey PRIMARY KEY (id),
        CONSTRAINT closing_lesson_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT closing_lesson_created_by_fkey FOREIGN KEY (created_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT closing_lesson_phase CHECK (phase_key IN ('forstudie', 'forprosjekt', 'hovedprosjekt')),
        CONSTRAINT closing_lesson_category CHECK (category IN (${factors}, 'other')),
        CONSTRAINT closing_lesson_text_not_blank CHECK (btrim(text) <> '')
      )`);
    await q.query(`CREATE INDEX closing_lesson_project_idx ON closing_lesson (project_id, created_at)`);
    await q.query(`CREATE INDEX closing_lesson_search_idx ON closing_lesson USING gin (to_tsvector('norwegian', text))`);

    await q.query(`
      CREATE TABLE closing_decision (
        project_id uuid NOT NULL,
        outcome text NOT NULL,
        meeting_date date NOT NULL,
        case_number text NOT NULL,
        decision_text text NOT NULL,
        successor_organisation text,
        successor_financing text,
        successor_yearly_amount bigint,
        override_reason text,
        readiness jsonb NOT NULL,
        decided_by uuid,
        decided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT closing_decision_pkey PRIMARY KEY (project_id),
        CONSTRAINT closing_decision_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT closing_decision_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT closing_decision_outcome CHECK (outcome IN ('close', 'carry_on')),
        CONSTRAINT closing_decision_case_number_not_blank CHECK (btrim(case_number) <> ''),
        CONSTRAINT closing_decision_text_not_blank CHECK (btrim(decision_text) <> ''),
        CONSTRAINT closing_decision_override_not_blank CHECK (btrim(override_reason) <> ''),
        CONSTRAINT closing_decision_yearly_amount CHECK (successor_yearly_amount >= 0),
        CONSTRAINT closing_decision_successor CHECK (
          (outcome = 'carry_on' AND successor_organisation IS NOT NULL AND successor_financing IS NOT NULL AND successor_yearly_amount IS NOT NULL)
          OR (outcome = 'close' AND successor_organisation IS NULL AND successor_financing IS NULL AND successor_yearly_amount IS NULL)
        )
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE closing_decision`);
    await q.query(`DROP TABLE closing_lesson`);
    await q.query(`DROP TABLE closing_evaluation_score`);
    await q.query(`DROP TABLE closing_evaluation`);
    await q.query(`DROP TABLE closing_report`);
  }
}
