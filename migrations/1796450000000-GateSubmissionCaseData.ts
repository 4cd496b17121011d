import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The saksframlegg of each gate submission as it was when submitted (issue 17, archive export).
 *
 * `gate_submission_case_data` keeps, per submission, the inputs of its case document (the project, the phase,
 * the submitted deliverables' text, the frozen plan, the budget and the kommuner's shares) as they stood in the
 * submission's transaction. The archive export renders an earlier submission's saksframlegg from them in the
 * extract's language, instead of from today's state. Submissions made before this table have no row.
 */
export class GateSubmissionCaseData1796450000000 implements MigrationInterface {
  name = 'GateSubmissionCaseData1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gate_submission_case_data (
        submission_id uuid NOT NULL,
        case_data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT gate_submission_case_data_pkey PRIMARY KEY (submission_id),
        CONSTRAINT gate_submission_case_data_submission_id_fkey FOREIGN KEY (submission_id) REFERENCES gate_submission(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gate_submission_case_data`);
  }
}
