import type { DecisionOutcome, KommuneCaseOutcome, PhaseKey } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';
import type { CaseData } from '../documents/document.service';

/**
 * The read model of the archive export: a project's cases (one per gate submission) with their steps,
 * decisions, conditions, kommune cases and the files attached to them. Times are ISO 8601 in UTC
 * (xs:dateTime), dates YYYY-MM-DD.
 */

const UTC = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** A case: a submission of a phase to the bodies, with its decision if any (CASES_SQL). */
export interface ArchiveCaseRecord {
  id: string;
  phase_id: string;
  phase_key: PhaseKey;
  submitted_at: string;
  /** The day it was submitted, in Oslo. */
  submitted_on: string;
  submitted_by_name: string | null;
  note: string | null;
  proposed_decision: string | null;
  /** The year of submission and the case's running number in it, over all of the project's cases. */
  year: number;
  sequence: number;
  /** The phase's newest submission: the one its case documents are made from. */
  newest: boolean;
  /** Ids of the deliverables in the submitted package (null: the package did not list them). */
  package_deliverable_ids: string[] | null;
  decision_id: string | null;
  outcome: DecisionOutcome | null;
  meeting_date: string | null;
  case_number: string | null;
  decision_text: string | null;
  conditions: string | null;
  decision_body_name: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
  minutes_file_id: string | null;
}

const CASES_SQL = `SELECT * FROM (
  SELECT s.id, s.phase_id, ph.phase_key, ${UTC('s.submitted_at')} AS submitted_at,
         to_char(s.submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS submitted_on,
         su.name AS submitted_by_name, s.note, s.proposed_decision,
         extract(year FROM s.submitted_at AT TIME ZONE 'Europe/Oslo')::int AS year,
         (row_number() OVER (PARTITION BY extract(year FROM s.submitted_at AT TIME ZONE 'Europe/Oslo')
                             ORDER BY s.submitted_at, s.id))::int AS sequence,
         s.id = first_value(s.id) OVER (PARTITION BY s.phase_id ORDER BY s.submitted_at DESC, s.id) AS newest,
         CASE WHEN jsonb_typeof(s.package -> 'deliverables') = 'array'
              THEN ARRAY(SELECT x ->> 'id' FROM jsonb_array_elements(s.package -> 'deliverables') x) END AS package_deliverable_ids,
         d.id AS decision_id, d.outcome, d.meeting_date, d.case_number, d.decision_text, d.conditions,
         d.body_name AS decision_body_name, ${UTC('d.decided_at')} AS decided_at, du.name AS decided_by_name, d.minutes_file_id
    FROM gate_submission s
    JOIN project_phase ph ON ph.id = s.phase_id
    LEFT JOIN app_user su ON su.id = s.submitted_by
    LEFT JOIN gate_decision d ON d.submission_id = s.id
    LEFT JOIN app_user du ON du.id = d.decided_by
   WHERE ph.project_id = $1
) c
 WHERE ($2::text IS NULL OR c.phase_key = $2::text)
   AND ($5::boolean IS NOT TRUE OR c.newest)
   AND ((($3::date IS NULL OR c.submitted_on::date >= $3::date) AND ($4::date IS NULL OR c.submitted_on::date <= $4::date))
        OR (c.meeting_date IS NOT NULL AND ($3::date IS NULL OR c.meeting_date >= $3::date) AND ($4::date IS NULL OR c.meeting_date <= $4::date)))
 ORDER BY c.year, c.sequence`;

export interface CaseFilter {
  phaseKey: string | null;
  from: string | null;
  to: string | null;
  /** Only each phase's newest submission. */
  newestOnly: boolean;
}

/** The project's cases that were submitted or decided within the range, oldest first. */
export function findArchiveCases(em: EntityManager, projectId: string, f: CaseFilter): Promise<ArchiveCaseRecord[]> {
  return queryRows<ArchiveCaseRecord>(em, CASES_SQL, [projectId, f.phaseKey, f.from, f.to, f.newestOnly]);
}

/** One body's handling of a case (STEPS_SQL), in route order. */
export interface ArchiveStepRecord {
  id: string;
  submission_id: string;
  position: number;
  body_name: string;
  decides: boolean;
  meeting_date: string | null;
  case_number: string | null;
  recommended_outcome: DecisionOutcome | null;
  recommendation: string | null;
  handled_at: string | null;
  minutes_file_id: string | null;
}

const STEPS_SQL = `SELECT id, submission_id, position, body_name, decides, meeting_date, case_number, recommended_outcome, recommendation,
       ${UTC('handled_at')} AS handled_at, minutes_file_id
  FROM gate_case_step WHERE submission_id = ANY($1::uuid[]) ORDER BY submission_id, position`;

export function findArchiveSteps(em: EntityManager, submissionIds: string[]): Promise<ArchiveStepRecord[]> {
  return queryRows<ArchiveStepRecord>(em, STEPS_SQL, [submissionIds]);
}

/** A kommunestyre's decision on its share of a case (KOMMUNE_CASES_SQL). */
export interface ArchiveKommuneCaseRecord {
  submission_id: string;
  kommune_name: string;
  outcome: KommuneCaseOutcome;
  meeting_date: string | null;
  case_number: string | null;
  decision_text: string | null;
  share: number;
  amount_committed: number | null;
  recorded_at: string | null;
  recorded_by_name: string | null;
}

const KOMMUNE_CASES_SQL = `SELECT kc.submission_id, kc.kommune_name, kc.outcome, kc.meeting_date, kc.case_number, kc.decision_text,
       kc.share::float8 AS share, kc.amount_committed::float8 AS amount_committed, ${UTC('kc.recorded_at')} AS recorded_at,
       u.name AS recorded_by_name
  FROM kommune_case kc LEFT JOIN app_user u ON u.id = kc.recorded_by
 WHERE kc.submission_id = ANY($1::uuid[]) ORDER BY kc.submission_id, kc.kommune_name`;

export function findArchiveKommuneCases(em: EntityManager, submissionIds: string[]): Promise<ArchiveKommuneCaseRecord[]> {
  return queryRows<ArchiveKommuneCaseRecord>(em, KOMMUNE_CASES_SQL, [submissionIds]);
}

/** A condition of a decision (CONDITIONS_SQL), with the file showing it met, if any. */
export interface ArchiveConditionRecord {
  decision_id: string;
  position: number;
  text: string;
  state: string;
  file_id: string | null;
}

const CONDITIONS_SQL = `SELECT decision_id, position, text, state, file_id
  FROM gate_condition WHERE decision_id = ANY($1::uuid[]) ORDER BY decision_id, position`;

export function findArchiveConditions(em: EntityManager, decisionIds: string[]): Promise<ArchiveConditionRecord[]> {
  return queryRows<ArchiveConditionRecord>(em, CONDITIONS_SQL, [decisionIds]);
}

/** A file attached to a deliverable of a phase (DELIVERABLE_FILES_SQL). */
export interface ArchiveDeliverableFileRecord {
  phase_id: string;
  deliverable_id: string;
  deliverable_title: string;
  file_id: string;
}

const DELIVERABLE_FILES_SQL = `SELECT d.phase_id, d.id AS deliverable_id, d.title AS deliverable_title, f.id AS file_id
  FROM deliverable d
  JOIN deliverable_file df ON df.deliverable_id = d.id
  JOIN stored_file f ON f.id = df.file_id
 WHERE d.phase_id = ANY($1::uuid[])
 ORDER BY d.phase_id, d.catalogue_key IS NULL, d.title, f.filename, f.id`;

export function findArchiveDeliverableFiles(em: EntityManager, phaseIds: string[]): Promise<ArchiveDeliverableFileRecord[]> {
  return queryRows<ArchiveDeliverableFileRecord>(em, DELIVERABLE_FILES_SQL, [phaseIds]);
}

/** A stored file's description (FILES_SQL), without its bytes. */
export interface ArchiveFileRecord {
  id: string;
  filename: string;
  content_type: string;
  uploaded_at: string;
  uploaded_by_name: string | null;
}

const FILES_SQL = `SELECT f.id, f.filename, f.content_type, ${UTC('f.uploaded_at')} AS uploaded_at, u.name AS uploaded_by_name
  FROM stored_file f LEFT JOIN app_user u ON u.id = f.uploaded_by WHERE f.id = ANY($1::uuid[])`;

export function findArchiveFiles(em: EntityManager, fileIds: string[]): Promise<ArchiveFileRecord[]> {
  return queryRows<ArchiveFileRecord>(em, FILES_SQL, [fileIds]);
}

/** The bytes of one stored file (read one at a time while the zip streams). */
export async function readArchiveFileData(em: EntityManager, fileId: string): Promise<Buffer | null> {
  return (await queryOne<{ data: Buffer }>(em, `SELECT data FROM stored_file WHERE id = $1`, [fileId]))?.data ?? null;
}

/** The inputs of each submission's saksframlegg as kept when it was submitted (none for older submissions). */
export async function findArchiveCaseData(em: EntityManager, submissionIds: string[]): Promise<Map<string, CaseData>> {
  const rows = await queryRows<{ submission_id: string; case_data: CaseData }>(
    em,
    `SELECT submission_id, case_data FROM gate_submission_case_data WHERE submission_id = ANY($1::uuid[])`,
    [submissionIds],
  );
  return new Map(rows.map((r) => [r.submission_id, r.case_data]));
}
