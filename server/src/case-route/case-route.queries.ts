import type { BodyKind, DecisionOutcome, PhaseKey } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';

/** The read model behind case routes and case steps: the SQL and the row each statement answers. */

/** A body of a region (BODIES_SQL). */
export interface RegionBodyRecord {
  id: string;
  name: string;
  kind: BodyKind;
  position: number;
  is_owner: boolean;
}

/** The region's bodies in route order. */
export function findRegionBodies(em: EntityManager, regionId: string): Promise<RegionBodyRecord[]> {
  return queryRows<RegionBodyRecord>(
    em,
    `SELECT id, name, kind, position, is_owner FROM region_body WHERE region_id = $1 ORDER BY position, name, id`,
    [regionId],
  );
}

/** Which body decides a kind of gate (DECIDERS_SQL). */
export interface DeciderRecord {
  phase_key: PhaseKey;
  body_id: string;
}

export function findDeciders(em: EntityManager, regionId: string): Promise<DeciderRecord[]> {
  return queryRows<DeciderRecord>(em, `SELECT phase_key, body_id FROM region_gate_decider WHERE region_id = $1 ORDER BY phase_key`, [
    regionId,
  ]);
}

/** A region's name of its regionråd (the fallback holder of a case), or undefined when there is no such region. */
export async function findCouncilName(em: EntityManager, regionId: string, lock = false): Promise<string | undefined> {
  const row = await queryOne<{ council_name: string }>(em, `SELECT council_name FROM region WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [
    regionId,
  ]);
  return row?.council_name;
}

/**
 * One step of a submission's case with its minutes and who handled it (STEPS_SQL). Read inside another
 * statement (caseStepsJson), its timestamps arrive as ISO strings: they always go through `new Date(…)`.
 */
export interface CaseStepRecord {
  id: string;
  submission_id: string;
  position: number;
  body_id: string | null;
  body_name: string;
  body_kind: BodyKind;
  decides: boolean;
  meeting_date: string | null;
  case_number: string | null;
  recommended_outcome: DecisionOutcome | null;
  recommendation: string | null;
  handled_by: string | null;
  handled_at: Date | string | null;
  file_id: string | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  uploaded_at: Date | string | null;
}

const STEPS_COLUMNS = `SELECT s.id, s.submission_id, s.position, s.body_id, s.body_name, s.body_kind, s.decides,
       to_char(s.meeting_date, 'YYYY-MM-DD') AS meeting_date, s.case_number, s.recommended_outcome, s.recommendation,
       u.name AS handled_by, s.handled_at,
       f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at
  FROM gate_case_step s
  LEFT JOIN app_user u ON u.id = s.handled_by
  LEFT JOIN stored_file f ON f.id = s.minutes_file_id`;

const STEPS_SQL = `${STEPS_COLUMNS} WHERE s.submission_id = $1 ORDER BY s.position`;

/**
 * The steps of the submission `submissionId` (an SQL expression) in order, as a JSON array of CaseStepRecord,
 * for a statement that reads them together with more (the gate as shown, gate.queries.ts).
 */
export function caseStepsJson(submissionId: string): string {
  return `(SELECT coalesce(json_agg(x ORDER BY x.position), '[]') FROM (${STEPS_COLUMNS} WHERE s.submission_id = ${submissionId}) x)`;
}

/** The steps of a submission in order; `lock` takes the step rows FOR UPDATE. */
export function findCaseSteps(em: EntityManager, submissionId: string, lock = false): Promise<CaseStepRecord[]> {
  return queryRows<CaseStepRecord>(em, `${STEPS_SQL} ${lock ? 'FOR UPDATE OF s' : ''}`, [submissionId]);
}

/** A submission with what a case needs to know about it (SUBMISSION_SQL). */
export interface CaseSubmissionRecord {
  id: string;
  phase_id: string;
  phase_key: PhaseKey;
  phase_state: string;
  region_id: string;
  /** The date it was submitted, in Oslo. */
  submitted_on: string;
  decided: boolean;
}

const SUBMISSION_SQL = `SELECT s.id, s.phase_id, ph.phase_key, ph.state AS phase_state, p.region_id,
       to_char(s.submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS submitted_on,
       EXISTS (SELECT 1 FROM gate_decision d WHERE d.submission_id = s.id) AS decided
  FROM gate_submission s JOIN project_phase ph ON ph.id = s.phase_id JOIN project p ON p.id = ph.project_id`;

export function findCaseSubmission(em: EntityManager, submissionId: string): Promise<CaseSubmissionRecord | undefined> {
  return queryOne<CaseSubmissionRecord>(em, `${SUBMISSION_SQL} WHERE s.id = $1`, [submissionId]);
}

/** The newest submission of a phase, or undefined when it was never submitted. */
export function findLatestSubmission(em: EntityManager, phaseId: string): Promise<CaseSubmissionRecord | undefined> {
  return queryOne<CaseSubmissionRecord>(em, `${SUBMISSION_SQL} WHERE s.phase_id = $1 ORDER BY s.submitted_at DESC, s.id LIMIT 1`, [
    phaseId,
  ]);
}
