import type {
  DecisionOutcome,
  DeliverableState,
  KommuneCaseOutcome,
  PhaseKey,
  PhaseState,
  PlanContent,
  Role,
  TemplateSection,
} from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOneOrFail } from '../database/sql';
import { decisionAudienceJson, type DecisionAudienceRecord } from '../notifications/gate-notifier';
import type { Timestamp } from './gate.queries';

/**
 * The statements of a gate decision: what it checks, read in one statement once the project is locked
 * (DECISION_STATE_SQL), and what it changes, written in one statement per outcome (data-modifying CTEs:
 * the decision, the deciding body's step, conditions, deliverables, phases, the project, the kommuner that
 * leave, the approved plan's snapshot). The state read also reads who is told of the decision (gate-notifier.ts),
 * so that telling them is one statement more; the history follows in the unit of work.
 */

/** A phase of the project (DECISION_STATE_SQL). */
export interface DecisionPhaseRecord {
  id: string;
  phase_key: PhaseKey;
  position: number;
  state: PhaseState;
  actual_start: string | null;
  actual_end: string | null;
  planned_start: string | null;
  planned_end: string | null;
}

/** A case step of the submission, in order (DECISION_STATE_SQL). */
export interface DecisionStepRecord {
  id: string;
  position: number;
  decides: boolean;
  body_name: string;
  meeting_date: string | null;
  handled_at: Timestamp | null;
}

/** Everything a decision on submission `$3` of phase `$2` by `$5` checks, read with the project locked. */
export interface DecisionStateRecord {
  project_name: string;
  /** Who is told of the decision, and their names and languages (decisionAudienceJson). */
  audience: DecisionAudienceRecord;
  phases: DecisionPhaseRecord[];
  /** The phase's deliverables (empty when the project has no such phase). */
  deliverables: { id: string; catalogue_key: string | null; title: string; state: DeliverableState }[];
  /** The submission, when it is one of the phase's. */
  submission: { id: string; decided: boolean; submitted_on: string } | null;
  /** The kommune cases of the submission, by kommune name. */
  kommune_cases: { kommune_id: string; kommune_name: string; outcome: KommuneCaseOutcome }[];
  /** The kommuner taking part in the project now. */
  member_kommune_ids: string[];
  /** The roles of the conditions' owners (`$4`) whose accounts are active. */
  owner_roles: { user_id: string; role: Role; regionId: string | null; projectId: string | null }[];
  steps: DecisionStepRecord[];
  /** The section keys of the template the next phase's plan is written from; null without a next phase or template. */
  next_plan_sections: string[] | null;
  /** The next phase's plan with its template's sections (what an approval reads its period from); null without one. */
  next_plan: { content: PlanContent; sections: TemplateSection[] } | null;
}

const DECISION_STATE_SQL = `SELECT p.name AS project_name,
       ${decisionAudienceJson({ projectId: 'p.id', regionId: 'p.region_id', actorId: '$5::uuid' })} AS audience,
       (SELECT json_agg(x ORDER BY x.position) FROM (
          SELECT id, phase_key, position, state, actual_start, actual_end, planned_start, planned_end
            FROM project_phase WHERE project_id = p.id) x) AS phases,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT id, catalogue_key, title, state FROM deliverable WHERE phase_id = ph.id) x) AS deliverables,
       (SELECT row_to_json(x) FROM (
          SELECT s.id, EXISTS (SELECT 1 FROM gate_decision d WHERE d.submission_id = s.id) AS decided,
                 to_char(s.submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS submitted_on
            FROM gate_submission s WHERE s.id = $3 AND s.phase_id = ph.id) x) AS submission,
       (SELECT coalesce(json_agg(x ORDER BY x.kommune_name), '[]') FROM (
          SELECT kommune_id, kommune_name, outcome FROM kommune_case WHERE submission_id = $3) x) AS kommune_cases,
       (SELECT coalesce(json_agg(kommune_id), '[]') FROM project_kommune WHERE project_id = p.id) AS member_kommune_ids,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT ra.user_id, ra.role, ra.region_id AS "regionId", ra.project_id AS "projectId"
            FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id AND u.active WHERE ra.user_id = ANY($4::uuid[])) x) AS owner_roles,
       (SELECT coalesce(json_agg(x ORDER BY x.position), '[]') FROM (
          SELECT id, position, decides, body_name, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, handled_at
            FROM gate_case_step WHERE submission_id = $3) x) AS steps,
       (SELECT json_agg(e.section->>'key' ORDER BY e.ord)
          FROM template_version v CROSS JOIN LATERAL jsonb_array_elements(v.sections) WITH ORDINALITY AS e(section, ord)
         WHERE v.id = coalesce((SELECT pl.template_version_id FROM phase_plan pl WHERE pl.phase_id = nx.id),
                               (SELECT t2.id FROM template t JOIN template_version t2 ON t2.template_id = t.id
                                 WHERE t.key = 'plan_' || nx.phase_key ORDER BY t2.version DESC LIMIT 1))) AS next_plan_sections,
       (SELECT json_build_object('content', pl.content, 'sections', v.sections)
          FROM phase_plan pl JOIN template_version v ON v.id = pl.template_version_id WHERE pl.phase_id = nx.id) AS next_plan
  FROM project p
  LEFT JOIN LATERAL (SELECT id, position FROM project_phase WHERE project_id = p.id AND phase_key = $2) ph ON true
  LEFT JOIN LATERAL (SELECT id, phase_key FROM project_phase WHERE project_id = p.id AND position = ph.position + 1) nx ON true
 WHERE p.id = $1`;

/** What a decision checks, in one statement; call it with the project locked (ProjectChanges). */
export function findDecisionState(
  tx: EntityManager,
  input: { projectId: string; phaseKey: string; submissionId: string; ownerIds: string[]; actorId: string },
): Promise<DecisionStateRecord> {
  return queryOneOrFail<DecisionStateRecord>(tx, DECISION_STATE_SQL, [
    input.projectId,
    input.phaseKey,
    input.submissionId,
    input.ownerIds,
    input.actorId,
  ]);
}

/** The decision row and what every outcome does with it ($1…$11 in the statements below). */
export interface DecisionInsert {
  submissionId: string;
  phaseId: string;
  outcome: DecisionOutcome;
  meetingDate: string;
  caseNumber: string;
  decisionText: string;
  conditions: string | null;
  decidedBy: string;
  stepId: string | null;
  bodyName: string;
  reopened: string | null;
}

/** The decision, and the deciding body's step marked handled at the decision's meeting. */
const DECISION_CTES = `decision AS (
         INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, decided_by, step_id, body_name, reopened)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
       ), step AS (
         UPDATE gate_case_step SET meeting_date = $4, case_number = $5, handled_by = $8, handled_at = now() WHERE id = $9
       )`;

/**
 * An approval: the package's submitted deliverables accepted, the conditions set (followed up in $12), the
 * phase completed and the next one ($13, null for the last phase) started at the meeting (planned from $19
 * to $20 when the approved plan states its period), or else the project completed; the kommuner $14 leave;
 * the next phase's plan frozen as approved (as PlanService does: its content, budget lines and cost sharing,
 * numbered after the plan's last snapshot).
 */
const APPROVE_SQL = `WITH ${DECISION_CTES}, conditions AS (
         INSERT INTO gate_condition (decision_id, phase_id, position, text, owner_user_id, due_date)
         SELECT decision.id, $12, c.ord - 1, c.text, c.owner, c.due
           FROM decision, unnest($15::text[], $16::uuid[], $17::date[]) WITH ORDINALITY AS c(text, owner, due, ord)
       ), accepted AS (
         UPDATE deliverable SET state = 'accepted', version = version + 1, updated_at = now()
          WHERE phase_id = $2 AND state = 'submitted' RETURNING id, title
       ), phases AS (
         UPDATE project_phase ph SET state = v.state, actual_start = coalesce(v.actual_start, ph.actual_start),
                actual_end = coalesce(v.actual_end, ph.actual_end), planned_start = coalesce(v.planned_start, ph.planned_start),
                planned_end = coalesce(v.planned_end, ph.planned_end), version = ph.version + 1, updated_at = now()
           FROM (VALUES ($2::uuid, 'completed', NULL::date, $4::date, NULL::date, NULL::date),
                        ($13::uuid, 'in_progress', $4::date, NULL::date, $19::date, $20::date)) AS v(id, state, actual_start, actual_end, planned_start, planned_end)
          WHERE ph.id = v.id
       ), completed AS (
         UPDATE project SET status = 'completed', version = version + 1, updated_at = now() WHERE id = $18 AND $13::uuid IS NULL
       ), left_project AS (
         DELETE FROM project_kommune WHERE project_id = $18 AND kommune_id = ANY($14::uuid[])
       ), frozen AS (
         INSERT INTO phase_plan_snapshot (plan_id, number, reason, label, content, budget, cost_sharing, template_version_id, plan_version, created_by)
         SELECT pl.id, (SELECT coalesce(max(s.number), 0) + 1 FROM phase_plan_snapshot s WHERE s.plan_id = pl.id), 'approved', NULL, pl.content,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('id', b.id, 'kind', b.kind, 'category', b.category, 'year', b.year,
                          'description', b.description, 'amount', b.amount, 'hours', b.hours::float, 'rate', b.rate, 'status', b.status)
                          ORDER BY b.position), '[]')
                   FROM budget_line b WHERE b.phase_id = pl.phase_id),
                pl.cost_sharing, pl.template_version_id, pl.version, $8
           FROM phase_plan pl WHERE pl.phase_id = $13
         RETURNING number
       )
SELECT (SELECT id FROM decision) AS decision_id,
       (SELECT coalesce(json_agg(a), '[]') FROM accepted a) AS accepted,
       (SELECT number FROM frozen) AS frozen`;

/** A send-back: the phase in progress again, and the deliverables $12 returned with the decision text as the comment. */
const SEND_BACK_SQL = `WITH ${DECISION_CTES}, phase AS (
         UPDATE project_phase SET state = 'in_progress', version = version + 1, updated_at = now() WHERE id = $2
       ), returned AS (
         UPDATE deliverable d SET state = 'returned', review_comment = $6, version = d.version + 1, updated_at = now()
           FROM deliverable old WHERE old.id = d.id AND d.phase_id = $2 AND d.id = ANY($12::uuid[])
         RETURNING d.id, d.title, old.state
       )
SELECT (SELECT id FROM decision) AS decision_id, (SELECT coalesce(json_agg(r), '[]') FROM returned r) AS returned`;

/** A stop: the phase stopped at the meeting, and the project ($12) with it. */
const STOP_SQL = `WITH ${DECISION_CTES}, phase AS (
         UPDATE project_phase SET state = 'stopped', actual_end = $4, version = version + 1, updated_at = now() WHERE id = $2
       ), stopped AS (
         UPDATE project SET status = 'stopped', version = version + 1, updated_at = now() WHERE id = $12
       )
SELECT (SELECT id FROM decision) AS decision_id`;

function decisionParams(d: DecisionInsert): unknown[] {
  return [
    d.submissionId,
    d.phaseId,
    d.outcome,
    d.meetingDate,
    d.caseNumber,
    d.decisionText,
    d.conditions,
    d.decidedBy,
    d.stepId,
    d.bodyName,
    d.reopened,
  ];
}

export interface ApproveInput {
  projectId: string;
  /** The phase that follows up the conditions (the next one). */
  conditionsPhaseId: string;
  nextPhaseId: string | null;
  conditions: { text: string; ownerUserId: string | null; dueDate: string | null }[];
  leavingKommuneIds: string[];
  /** The next phase's planned dates by its approved plan; null leaves them. */
  nextPlanned: { start: string; end: string } | null;
}

/** What APPROVE_SQL answers. */
interface ApprovalWritten {
  decision_id: string;
  accepted: { id: string; title: string }[];
  /** The approved plan's snapshot number; null when the next phase has no plan. */
  frozen: number | null;
}

/** What SEND_BACK_SQL answers. */
interface SendBackWritten {
  decision_id: string;
  returned: { id: string; title: string; state: DeliverableState }[];
}

/** Records an approval and all it changes; answers the decision, the accepted deliverables and the approved plan's snapshot number. */
export function writeApproval(tx: EntityManager, d: DecisionInsert, a: ApproveInput): Promise<ApprovalWritten> {
  return queryOneOrFail<ApprovalWritten>(tx, APPROVE_SQL, [
    ...decisionParams(d),
    a.conditionsPhaseId,
    a.nextPhaseId,
    a.leavingKommuneIds,
    a.conditions.map((c) => c.text),
    a.conditions.map((c) => c.ownerUserId),
    a.conditions.map((c) => c.dueDate),
    a.projectId,
    a.nextPlanned?.start ?? null,
    a.nextPlanned?.end ?? null,
  ]);
}

/** Records a send-back; answers the decision and the deliverables returned, each with the state it had. */
export function writeSendBack(tx: EntityManager, d: DecisionInsert, returnIds: string[]): Promise<SendBackWritten> {
  return queryOneOrFail<SendBackWritten>(tx, SEND_BACK_SQL, [...decisionParams(d), returnIds]);
}

/** Records a stop; answers the decision. */
export function writeStop(tx: EntityManager, d: DecisionInsert, projectId: string): Promise<{ decision_id: string }> {
  return queryOneOrFail<{ decision_id: string }>(tx, STOP_SQL, [...decisionParams(d), projectId]);
}
