import type { DecisionOutcome, Readiness } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';

/** The read model behind a phase's gate: the SQL and the row each statement answers. */

/** A checkpoint of the phase that someone has set (CHECKPOINTS_SQL); unset ones have no row. */
export interface GateCheckpointRecord {
  checkpoint_key: string;
  checked: boolean;
  comment: string | null;
  /** The name of who set it last. */
  updated_by: string | null;
  updated_at: Date;
}

const CHECKPOINTS_SQL = `SELECT c.checkpoint_key, c.checked, c.comment, u.name AS updated_by, c.updated_at
         FROM gate_checkpoint c LEFT JOIN app_user u ON u.id = c.updated_by WHERE c.phase_id = $1`;

export function findGateCheckpoints(em: EntityManager, phaseId: string): Promise<GateCheckpointRecord[]> {
  return queryRows<GateCheckpointRecord>(em, CHECKPOINTS_SQL, [phaseId]);
}

/** The minutes file of a decision: all columns set, or (no minutes) all null. */
export type MinutesColumns =
  | { file_id: string; filename: string; content_type: string; size_bytes: number; uploaded_at: Date }
  | { file_id: null; filename: null; content_type: null; size_bytes: null; uploaded_at: null };

/** The decision on a submission: all columns set, or (not decided yet) all null. */
export type DecisionColumns =
  | ({
      decision_id: string;
      outcome: DecisionOutcome;
      meeting_date: string;
      case_number: string;
      decision_text: string;
      conditions: string | null;
      /** The name of who recorded it. */
      decided_by: string | null;
      decided_at: Date;
    } & MinutesColumns)
  | {
      decision_id: null;
      outcome: null;
      meeting_date: null;
      case_number: null;
      decision_text: null;
      conditions: null;
      decided_by: null;
      decided_at: null;
      file_id: null;
      filename: null;
      content_type: null;
      size_bytes: null;
      uploaded_at: null;
    };

/** A submission of the phase to the regionråd with its decision, if any (SUBMISSIONS_SQL). */
export type GateSubmissionRecord = {
  id: string;
  submitted_at: Date;
  /** The name of who submitted it. */
  submitted_by: string | null;
  note: string | null;
  /** The checklist as it stood when the phase was submitted (jsonb). */
  readiness: Readiness;
} & DecisionColumns;

const SUBMISSIONS_SQL = `SELECT s.id, s.submitted_at, su.name AS submitted_by, s.note, s.readiness,
              d.id AS decision_id, d.outcome, d.meeting_date, d.case_number, d.decision_text, d.conditions, du.name AS decided_by, d.decided_at,
              f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at
         FROM gate_submission s
         LEFT JOIN app_user su ON su.id = s.submitted_by
         LEFT JOIN gate_decision d ON d.submission_id = s.id
         LEFT JOIN app_user du ON du.id = d.decided_by
         LEFT JOIN stored_file f ON f.id = d.minutes_file_id
        WHERE s.phase_id = $1 ORDER BY s.submitted_at DESC`;

/** The phase's submissions, newest first. */
export function findGateSubmissions(em: EntityManager, phaseId: string): Promise<GateSubmissionRecord[]> {
  return queryRows<GateSubmissionRecord>(em, SUBMISSIONS_SQL, [phaseId]);
}
