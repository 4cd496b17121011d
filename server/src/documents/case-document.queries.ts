import type { BodyKind, DecisionOutcome, GatePackage, KommuneCaseOutcome, ConditionState, PlanContent } from '@nvr/shared';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '../database/sql';

/** The read model behind a gate's case document and extract of the minutes: the SQL and the row each statement answers. */

/** A submission of the phase with its decision, if any (SUBMISSIONS_SQL), newest first. */
export type CaseSubmissionRecord = {
  id: string;
  /** The day it was submitted, in Oslo. */
  submitted_on: string;
  submitted_by_name: string | null;
  note: string | null;
  package: GatePackage | null;
  proposed_decision: string | null;
} & (
  | {
      decision_id: string;
      outcome: DecisionOutcome;
      meeting_date: string;
      case_number: string;
      decision_text: string;
      conditions: string | null;
      decision_body_name: string | null;
      decision_step_id: string | null;
      decided_by_name: string | null;
    }
  | {
      decision_id: null;
      outcome: null;
      meeting_date: null;
      case_number: null;
      decision_text: null;
      conditions: null;
      decision_body_name: null;
      decision_step_id: null;
      decided_by_name: null;
    }
);

const SUBMISSIONS_SQL = `SELECT s.id, to_char(s.submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS submitted_on,
       su.name AS submitted_by_name, s.note, s.package, s.proposed_decision,
       d.id AS decision_id, d.outcome, d.meeting_date, d.case_number, d.decision_text, d.conditions,
       d.body_name AS decision_body_name, d.step_id AS decision_step_id, du.name AS decided_by_name
  FROM gate_submission s
  LEFT JOIN app_user su ON su.id = s.submitted_by
  LEFT JOIN gate_decision d ON d.submission_id = s.id
  LEFT JOIN app_user du ON du.id = d.decided_by
 WHERE s.phase_id = $1
 ORDER BY s.submitted_at DESC, s.id`;

export function findCaseSubmissions(em: EntityManager, phaseId: string): Promise<CaseSubmissionRecord[]> {
  return queryRows<CaseSubmissionRecord>(em, SUBMISSIONS_SQL, [phaseId]);
}

/** One body's handling of a submission (STEPS_SQL), in route order. */
export interface CaseStepRecord {
  id: string;
  position: number;
  body_name: string;
  body_kind: BodyKind;
  decides: boolean;
  meeting_date: string | null;
  case_number: string | null;
  recommended_outcome: DecisionOutcome | null;
  recommendation: string | null;
  handled: boolean;
}

const STEPS_SQL = `SELECT id, position, body_name, body_kind, decides, meeting_date, case_number, recommended_outcome, recommendation,
       handled_at IS NOT NULL AS handled
  FROM gate_case_step WHERE submission_id = $1 ORDER BY position`;

export function findCaseSteps(em: EntityManager, submissionId: string): Promise<CaseStepRecord[]> {
  return queryRows<CaseStepRecord>(em, STEPS_SQL, [submissionId]);
}

/** A member kommune's own case on the submission (KOMMUNE_CASES_SQL); amounts as float8 (whole kroner). */
export interface KommuneCaseRecord {
  kommune_id: string;
  kommune_name: string;
  deadline: string;
  share: number;
  outcome: KommuneCaseOutcome;
  meeting_date: string | null;
  case_number: string | null;
  amount_committed: number | null;
}

const KOMMUNE_CASES_SQL = `SELECT kommune_id, kommune_name, deadline, share::float8 AS share, outcome, meeting_date, case_number,
       amount_committed::float8 AS amount_committed
  FROM kommune_case WHERE submission_id = $1 ORDER BY kommune_name`;

export function findKommuneCases(em: EntityManager, submissionId: string): Promise<KommuneCaseRecord[]> {
  return queryRows<KommuneCaseRecord>(em, KOMMUNE_CASES_SQL, [submissionId]);
}

/** A condition of a decision with who follows it up (CONDITIONS_SQL). */
export interface ConditionRecord {
  position: number;
  text: string;
  owner_name: string | null;
  due_date: string | null;
  state: ConditionState;
}

const CONDITIONS_SQL = `SELECT c.position, c.text, u.name AS owner_name, c.due_date, c.state
  FROM gate_condition c LEFT JOIN app_user u ON u.id = c.owner_user_id
 WHERE c.decision_id = $1 ORDER BY c.position`;

export function findConditions(em: EntityManager, decisionId: string): Promise<ConditionRecord[]> {
  return queryRows<ConditionRecord>(em, CONDITIONS_SQL, [decisionId]);
}

/** A deliverable of the phase with the names of its files (DELIVERABLES_SQL). */
export interface CaseDeliverableRecord {
  id: string;
  catalogue_key: string | null;
  title: string;
  content: string;
  state: string;
  files: string[];
}

const DELIVERABLES_SQL = `SELECT d.id, d.catalogue_key, d.title, d.content, d.state,
       coalesce(array_agg(f.filename ORDER BY f.filename) FILTER (WHERE f.id IS NOT NULL), '{}') AS files
  FROM deliverable d
  LEFT JOIN deliverable_file df ON df.deliverable_id = d.id
  LEFT JOIN stored_file f ON f.id = df.file_id
 WHERE d.phase_id = $1
 GROUP BY d.id
 ORDER BY d.catalogue_key IS NULL, d.title`;

export function findCaseDeliverables(em: EntityManager, phaseId: string): Promise<CaseDeliverableRecord[]> {
  return queryRows<CaseDeliverableRecord>(em, DELIVERABLES_SQL, [phaseId]);
}

/** A budget line as a plan or its snapshot holds it. */
export interface CaseBudgetLine {
  kind: 'cost' | 'financing';
  category: string;
  year: number;
  description: string | null;
  amount: number;
  hours?: number | null;
  rate?: number | null;
  status?: string | null;
}

/** The next phase's plan: a frozen version (snapshot) or the plan as it stands, with its budget and cost-sharing settings. */
export interface CasePlanRecord {
  /** The version's number; for the plan as it stands, its newest kept version's (0: none yet), never its revision counter. */
  number: number;
  /** The plan as it stands has changed since version `number` was kept. */
  changed?: boolean;
  reason: 'submitted' | 'approved' | 'saved' | 'current';
  template_title: string;
  content: PlanContent;
  budget: CaseBudgetLine[];
  cost_sharing: { equalPercent: number; populationDate: string | null; year: number | null };
}

const SNAPSHOT_SQL = `SELECT s.number, s.reason, tv.title AS template_title, s.content, s.budget, s.cost_sharing
  FROM phase_plan_snapshot s JOIN phase_plan p ON p.id = s.plan_id JOIN template_version tv ON tv.id = s.template_version_id
 WHERE p.phase_id = $1 AND ($2::int IS NULL OR s.number = $2::int) AND ($3::text IS NULL OR s.reason = $3::text)
 ORDER BY s.number DESC LIMIT 1`;

/** A frozen version of the phase's plan: the given number, else the newest with the given reason. */
export async function findPlanSnapshot(
  em: EntityManager,
  phaseId: string,
  number: number | null,
  reason: 'submitted' | null,
): Promise<CasePlanRecord | null> {
  return (await queryOne<CasePlanRecord>(em, SNAPSHOT_SQL, [phaseId, number, reason])) ?? null;
}

const CURRENT_PLAN_SQL = `SELECT coalesce(s.number, 0) AS number, (s.number IS NOT NULL AND s.plan_version <> p.version) AS changed,
       'current' AS reason, tv.title AS template_title, p.content, p.cost_sharing,
       coalesce((SELECT json_agg(json_build_object('kind', b.kind, 'category', b.category, 'year', b.year, 'description', b.description,
                  'amount', b.amount::float8, 'hours', b.hours::float8, 'rate', b.rate, 'status', b.status) ORDER BY b.position)
                   FROM budget_line b WHERE b.phase_id = p.phase_id), '[]'::json) AS budget
  FROM phase_plan p JOIN template_version tv ON tv.id = p.template_version_id
  LEFT JOIN LATERAL (SELECT number, plan_version FROM phase_plan_snapshot WHERE plan_id = p.id ORDER BY number DESC LIMIT 1) s ON true
 WHERE p.phase_id = $1`;

const BUDGET_ONLY_SQL = `SELECT coalesce(json_agg(json_build_object('kind', b.kind, 'category', b.category, 'year', b.year,
       'description', b.description, 'amount', b.amount::float8, 'hours', b.hours::float8, 'rate', b.rate, 'status', b.status)
       ORDER BY b.position), '[]'::json) AS budget
  FROM budget_line b WHERE b.phase_id = $1`;

/** The phase's plan as it stands (null when nobody has written one), or just its budget when only that exists. */
export async function findCurrentPlan(em: EntityManager, phaseId: string): Promise<CasePlanRecord | null> {
  const plan = await queryOne<CasePlanRecord>(em, CURRENT_PLAN_SQL, [phaseId]);
  if (plan) return plan;
  const row = await queryOne<{ budget: CaseBudgetLine[] }>(em, BUDGET_ONLY_SQL, [phaseId]);
  if (!row || row.budget.length === 0) return null;
  return {
    number: 0,
    reason: 'current',
    template_title: '',
    content: {},
    budget: row.budget,
    cost_sharing: { equalPercent: 50, populationDate: null, year: null },
  };
}

/** The project's kommuner with the newest population figure on or before a date (POPULATION_SQL). */
