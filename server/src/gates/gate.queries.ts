import type { ConditionState, DecisionOutcome, GatePackage, PhaseKey, Readiness, ReopenRequest } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';

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
      body_name: string | null;
      reopened: ReopenRequest | null;
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
      body_name: null;
      reopened: null;
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
  /** What the package held (jsonb; null for submissions before packages). */
  package: GatePackage | null;
  proposed_decision: string | null;
} & DecisionColumns;

const SUBMISSIONS_SQL = `SELECT s.id, s.submitted_at, su.name AS submitted_by, s.note, s.readiness, s.package, s.proposed_decision,
              d.id AS decision_id, d.outcome, d.meeting_date, d.case_number, d.decision_text, d.conditions, du.name AS decided_by, d.decided_at,
              d.body_name, d.reopened,
              f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at
         FROM gate_submission s
         LEFT JOIN app_user su ON su.id = s.submitted_by
         LEFT JOIN gate_decision d ON d.submission_id = s.id
         LEFT JOIN app_user du ON du.id = d.decided_by
         LEFT JOIN stored_file f ON f.id = d.minutes_file_id
        WHERE s.phase_id = $1 ORDER BY s.submitted_at DESC, s.id`;

/** The phase's submissions, newest first. */
export function findGateSubmissions(em: EntityManager, phaseId: string): Promise<GateSubmissionRecord[]> {
  return queryRows<GateSubmissionRecord>(em, SUBMISSIONS_SQL, [phaseId]);
}

/** A condition of an approval (CONDITIONS_SQL), with the phase that decided it and the one following it up. */
export interface GateConditionRecord {
  id: string;
  decision_id: string;
  decided_in_phase: PhaseKey;
  phase_id: string;
  phase_key: PhaseKey;
  position: number;
  text: string;
  owner_user_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  state: ConditionState;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  version: number;
  file_id: string | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  uploaded_at: Date | null;
}

const CONDITIONS_SQL = `SELECT c.id, c.decision_id, dp.phase_key AS decided_in_phase, c.phase_id, fp.phase_key, c.position, c.text,
              c.owner_user_id, ou.name AS owner_name, c.due_date, c.state, c.resolution_note, ru.name AS resolved_by, c.resolved_at, c.version,
              f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at
         FROM gate_condition c
         JOIN gate_decision d ON d.id = c.decision_id
         JOIN project_phase dp ON dp.id = d.phase_id
         JOIN project_phase fp ON fp.id = c.phase_id
         LEFT JOIN app_user ou ON ou.id = c.owner_user_id
         LEFT JOIN app_user ru ON ru.id = c.resolved_by
         LEFT JOIN stored_file f ON f.id = c.file_id`;

/** The conditions followed up in a phase, and those its own gate's approvals set; by decision and position. */
export function findGateConditions(em: EntityManager, phaseId: string): Promise<GateConditionRecord[]> {
  return queryRows<GateConditionRecord>(
    em,
    `${CONDITIONS_SQL} WHERE c.phase_id = $1 OR d.phase_id = $1 ORDER BY d.decided_at, c.position`,
    [phaseId],
  );
}

/** One condition, if it is followed up in or was set by the phase; `lock` takes its row FOR UPDATE. */
export function findGateCondition(
  em: EntityManager,
  phaseId: string,
  conditionId: string,
  lock = false,
): Promise<GateConditionRecord | undefined> {
  return queryOne<GateConditionRecord>(
    em,
    `${CONDITIONS_SQL} WHERE c.id = $2 AND (c.phase_id = $1 OR d.phase_id = $1) ${lock ? 'FOR UPDATE OF c' : ''}`,
    [phaseId, conditionId],
  );
}
