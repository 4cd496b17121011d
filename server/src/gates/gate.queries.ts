import type {
  ConditionState,
  DecisionOutcome,
  DeliverableState,
  GatePackage,
  PhaseKey,
  PhaseState,
  PlanContent,
  ProjectStatus,
  Readiness,
  ReopenRequest,
  TemplateSection,
} from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { caseStepsJson, type CaseStepRecord } from '../case-route/case-route.queries';
import { queryOne } from '../database/sql';
import { kommuneCasesJson, type KommuneCasesRecord } from '../kommune-cases/kommune-case.queries';

/**
 * The read model behind a phase's gate: the SQL and the row each statement answers. The gate as it is
 * shown (GATE_VIEW_SQL) is one statement; its lists arrive as JSON, where a timestamp is an ISO string
 * rather than a Date, so timestamps are typed `Timestamp` and always go through `new Date(…)`.
 */

/** A timestamptz as pg answers it (a Date), or inside a JSON column (an ISO string). */
export type Timestamp = Date | string;

/** A checkpoint of the phase that someone has set (in GATE_VIEW_SQL); unset ones have no row. */
export interface GateCheckpointRecord {
  checkpoint_key: string;
  checked: boolean;
  comment: string | null;
  /** The name of who set it last. */
  updated_by: string | null;
  updated_at: Timestamp;
}

/** The minutes file of a decision: all columns set, or (no minutes) all null. */
export type MinutesColumns =
  | { file_id: string; filename: string; content_type: string; size_bytes: number; uploaded_at: Timestamp }
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
      decided_at: Timestamp;
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
  submitted_at: Timestamp;
  /** The name of who submitted it. */
  submitted_by: string | null;
  note: string | null;
  /** The checklist as it stood when the phase was submitted (jsonb). */
  readiness: Readiness;
  /** What the package held (jsonb; null for submissions before packages). */
  package: GatePackage | null;
  proposed_decision: string | null;
} & DecisionColumns;

/** The submissions of the phase `ph`, newest first. */
const SUBMISSIONS_SQL = `SELECT s.id, s.submitted_at, su.name AS submitted_by, s.note, s.readiness, s.package, s.proposed_decision,
              d.id AS decision_id, d.outcome, d.meeting_date, d.case_number, d.decision_text, d.conditions, du.name AS decided_by, d.decided_at,
              d.body_name, d.reopened,
              f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at
         FROM gate_submission s
         LEFT JOIN app_user su ON su.id = s.submitted_by
         LEFT JOIN gate_decision d ON d.submission_id = s.id
         LEFT JOIN app_user du ON du.id = d.decided_by
         LEFT JOIN stored_file f ON f.id = d.minutes_file_id
        WHERE s.phase_id = ph.id`;

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
  resolved_at: Timestamp | null;
  version: number;
  file_id: string | null;
  filename: string | null;
  content_type: string | null;
  size_bytes: number | null;
  uploaded_at: Timestamp | null;
}

const CONDITIONS_SQL = `SELECT c.id, c.decision_id, dp.phase_key AS decided_in_phase, c.phase_id, fp.phase_key, c.position, c.text,
              c.owner_user_id, ou.name AS owner_name, c.due_date, c.state, c.resolution_note, ru.name AS resolved_by, c.resolved_at, c.version,
              f.id AS file_id, f.filename, f.content_type, f.size_bytes, f.uploaded_at, d.decided_at
         FROM gate_condition c
         JOIN gate_decision d ON d.id = c.decision_id
         JOIN project_phase dp ON dp.id = d.phase_id
         JOIN project_phase fp ON fp.id = c.phase_id
         LEFT JOIN app_user ou ON ou.id = c.owner_user_id
         LEFT JOIN app_user ru ON ru.id = c.resolved_by
         LEFT JOIN stored_file f ON f.id = c.file_id`;

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

/** A phase of the project as the gate reads it (GATE_VIEW_SQL). */
export interface GatePhaseRecord {
  id: string;
  phase_key: PhaseKey;
  position: number;
  state: PhaseState;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  version: number;
}

/** A deliverable of the phase with its owner and file count (GATE_VIEW_SQL; the columns of loadProject's). */
export interface GateDeliverableRecord {
  id: string;
  phase_id: string;
  catalogue_key: string | null;
  title: string;
  required: boolean;
  state: DeliverableState;
  due_date: string | null;
  not_required_reason: string | null;
  has_content: boolean;
  review_comment: string | null;
  version: number;
  owner_id: string | null;
  owner_name: string | null;
  owner_email: string | null;
  file_count: number;
}

/** Everything the gate of one phase shows, read in one statement (GATE_VIEW_SQL). */
export interface GateViewRecord {
  id: string;
  region_id: string;
  status: ProjectStatus;
  /** All the project's phases, in order. */
  phases: GatePhaseRecord[];
  /** The rest is empty (or null) when the project has no such phase. */
  deliverables: GateDeliverableRecord[];
  checkpoints: GateCheckpointRecord[];
  /** Newest first. */
  submissions: GateSubmissionRecord[];
  /** Those followed up in the phase and those its own gate set; by decision and position. */
  conditions: GateConditionRecord[];
  /** The next phase's budget totals and its plan against its template (the readiness checklist needs them). */
  next_budget: { costs: number; financing: number; cost_lines: number } | null;
  next_plan: { content: PlanContent | null; plan_version: number | null; sections: TemplateSection[] | null } | null;
  /** The case steps of the newest submission, in order (case-route.queries.ts; empty without a submission). */
  steps: CaseStepRecord[];
  /** The kommune cases of the newest submission (kommune-case.queries.ts; no cases without a submission). */
  kommune_cases: KommuneCasesRecord;
}

/**
 * The gate of phase `$2` of project `$1`: the project's phases, and the phase's deliverables, checkpoints,
 * submissions with their decisions, conditions, and the next phase's budget and plan. The same columns as
 * loadProject (project-queries.ts) for what the readiness checklist reads, and as the statements above;
 * the newest submission's case steps and kommune cases as case-route/ and kommune-cases/ read them.
 */
const GATE_VIEW_SQL = `SELECT p.id, p.region_id, p.status,
       (SELECT json_agg(x ORDER BY x.position) FROM (
          SELECT id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end, version
            FROM project_phase WHERE project_id = p.id) x) AS phases,
       (SELECT coalesce(json_agg(x ORDER BY x.required DESC, x.title), '[]') FROM (
          SELECT d.id, d.phase_id, d.catalogue_key, d.title, d.required, d.state, d.due_date, d.not_required_reason,
                 btrim(d.content) <> '' AS has_content, d.review_comment, d.version,
                 u.id AS owner_id, u.name AS owner_name, u.email AS owner_email,
                 (SELECT count(*)::int FROM deliverable_file f WHERE f.deliverable_id = d.id) AS file_count
            FROM deliverable d LEFT JOIN app_user u ON u.id = d.owner_user_id WHERE d.phase_id = ph.id) x) AS deliverables,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT c.checkpoint_key, c.checked, c.comment, u.name AS updated_by, c.updated_at
            FROM gate_checkpoint c LEFT JOIN app_user u ON u.id = c.updated_by WHERE c.phase_id = ph.id) x) AS checkpoints,
       (SELECT coalesce(json_agg(x ORDER BY x.submitted_at DESC, x.id), '[]') FROM (${SUBMISSIONS_SQL}) x) AS submissions,
       (SELECT coalesce(json_agg(x ORDER BY x.decided_at, x.position), '[]') FROM (
          ${CONDITIONS_SQL} WHERE c.phase_id = ph.id OR d.phase_id = ph.id) x) AS conditions,
       (SELECT json_build_object(
                 'costs', coalesce(sum(b.amount) FILTER (WHERE b.kind = 'cost'), 0)::bigint,
                 'financing', coalesce(sum(b.amount) FILTER (WHERE b.kind = 'financing'), 0)::bigint,
                 'cost_lines', count(*) FILTER (WHERE b.kind = 'cost' AND b.amount > 0)::int)
          FROM budget_line b WHERE b.phase_id = nx.id HAVING nx.id IS NOT NULL) AS next_budget,
       (SELECT json_build_object('content', pp.content, 'plan_version', pp.version, 'sections', (
                 SELECT v.sections FROM template_version v
                  WHERE v.id = coalesce(pp.template_version_id,
                          (SELECT t2.id FROM template t JOIN template_version t2 ON t2.template_id = t.id
                            WHERE t.key = 'plan_' || nx.phase_key ORDER BY t2.version DESC LIMIT 1))))
          FROM (SELECT nx.id) n LEFT JOIN phase_plan pp ON pp.phase_id = nx.id WHERE nx.id IS NOT NULL) AS next_plan,
       ${caseStepsJson('ns.id')} AS steps,
       ${kommuneCasesJson('ns.id')} AS kommune_cases
  FROM project p
  LEFT JOIN LATERAL (SELECT id, position FROM project_phase WHERE project_id = p.id AND phase_key = $2) ph ON true
  LEFT JOIN LATERAL (SELECT id, phase_key FROM project_phase WHERE project_id = p.id AND position = ph.position + 1) nx ON true
  LEFT JOIN LATERAL (SELECT s.id FROM gate_submission s WHERE s.phase_id = ph.id ORDER BY s.submitted_at DESC, s.id LIMIT 1) ns ON true
 WHERE p.id = $1`;

/** The gate of a project's phase (GATE_VIEW_SQL), or undefined when there is no such project. */
export function findGateView(em: EntityManager, projectId: string, phaseKey: string): Promise<GateViewRecord | undefined> {
  return queryOne<GateViewRecord>(em, GATE_VIEW_SQL, [projectId, phaseKey]);
}
