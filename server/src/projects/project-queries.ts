import {
  DeliverableState,
  durationStatus,
  evaluateReadiness,
  PhaseKey,
  phaseSpec,
  planCompleteness,
  type PlanContent,
  type ReopenRequest,
  type TemplateSection,
  PhaseState,
  ProjectStatus,
  Readiness,
  ReadinessItem,
  todayInOslo,
} from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { queryOne } from '../database/sql';

export interface PersonRow {
  id: string;
  name: string;
  email: string;
}

export interface DeliverableRow {
  id: string;
  phaseId: string;
  key: string | null;
  title: string;
  required: boolean;
  state: DeliverableState;
  owner: PersonRow | null;
  dueDate: string | null;
  notRequiredReason: string | null;
  fileCount: number;
  /** The text is not blank. */
  hasContent: boolean;
  /** Why it was returned (after a send-back, the decision text). */
  reviewComment: string | null;
  version: number;
}

/** An open condition of an earlier approval, followed up in this phase. */
export interface OpenConditionRow {
  id: string;
  text: string;
  dueDate: string | null;
  state: 'open';
}

export interface PhaseRow {
  id: string;
  key: PhaseKey;
  position: number;
  state: PhaseState;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  version: number;
  deliverables: DeliverableRow[];
  checkpoints: { key: string; checked: boolean }[];
  /** Totals of the phase's budget (its plan, section 7). */
  budget: { costs: number; financing: number; costLines: number };
  /**
   * The phase's plan in the plan editor against its template: required fields still empty, of how many,
   * and the plan's version (0: not written yet). Null when there is no template for the phase's plan.
   */
  plan: { missing: number; total: number; version: number } | null;
  /** Conditions of an earlier approval followed up in this phase that are still open. */
  openConditions: OpenConditionRow[];
  /** What the newest decision on this phase's gate sent back for rework, until the phase is submitted again. */
  sentBack: { decisionText: string; reopened: ReopenRequest | null } | null;
}

export interface ProjectAggregate {
  id: string;
  regionId: string;
  regionName: string;
  councilName: string;
  name: string;
  description: string | null;
  status: ProjectStatus;
  version: number;
  kommuner: { id: string; number: string; name: string }[];
  leader: PersonRow | null;
  members: PersonRow[];
  phases: PhaseRow[];
}

/** The project row with its region (PROJECT_SQL). */
export interface ProjectRecord {
  id: string;
  region_id: string;
  region_name: string;
  council_name: string;
  name: string;
  description: string | null;
  status: ProjectStatus;
  version: number;
}

const PROJECT_SQL = `SELECT p.id, p.region_id, r.name AS region_name, r.council_name, p.name, p.description, p.status, p.version
       FROM project p JOIN region r ON r.id = p.region_id WHERE p.id = $1`;

/** A participating kommune (KOMMUNER_SQL); its shape is the API's. */
export interface KommuneRecord {
  id: string;
  number: string;
  name: string;
}

const KOMMUNER_SQL = `SELECT k.id, trim(k.number) AS number, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name`;

/** A person with a project role (TEAM_SQL). */
export interface TeamRecord {
  role: string;
  id: string;
  name: string;
  email: string;
}

const TEAM_SQL = `SELECT ra.role, u.id, u.name, u.email FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
        WHERE ra.project_id = $1 ORDER BY u.name`;

/** A phase of the project (PHASES_SQL). */
export interface PhaseRecord {
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

const PHASES_SQL = `SELECT id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end, version
         FROM project_phase WHERE project_id = $1 ORDER BY position`;

/** A deliverable of one of the project's phases, with its owner and file count (DELIVERABLES_SQL). */
export interface DeliverableRecord {
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

const DELIVERABLES_SQL = `SELECT d.id, d.phase_id, d.catalogue_key, d.title, d.required, d.state, d.due_date, d.not_required_reason,
              btrim(d.content) <> '' AS has_content, d.review_comment, d.version,
              u.id AS owner_id, u.name AS owner_name, u.email AS owner_email,
              (SELECT count(*)::int FROM deliverable_file f WHERE f.deliverable_id = d.id) AS file_count
         FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id LEFT JOIN app_user u ON u.id = d.owner_user_id
        WHERE ph.project_id = $1 ORDER BY d.phase_id, d.required DESC, d.title`;

/** A gate checkpoint of one of the project's phases (CHECKPOINTS_SQL). */
export interface CheckpointRecord {
  phase_id: string;
  checkpoint_key: string;
  checked: boolean;
}

const CHECKPOINTS_SQL = `SELECT c.phase_id, c.checkpoint_key, c.checked FROM gate_checkpoint c JOIN project_phase ph ON ph.id = c.phase_id WHERE ph.project_id = $1`;

/** The budget totals of a phase's plan (BUDGETS_SQL); bigint sums arrive as strings (as numbers inside JSON). */
export interface BudgetRecord {
  phase_id: string;
  costs: string | number;
  financing: string | number;
  cost_lines: number;
}

const BUDGETS_SQL = `SELECT b.phase_id,
              coalesce(sum(b.amount) FILTER (WHERE b.kind = 'cost'), 0)::bigint AS costs,
              coalesce(sum(b.amount) FILTER (WHERE b.kind = 'financing'), 0)::bigint AS financing,
              count(*) FILTER (WHERE b.kind = 'cost' AND b.amount > 0)::int AS cost_lines
         FROM budget_line b JOIN project_phase ph ON ph.id = b.phase_id WHERE ph.project_id = $1 GROUP BY b.phase_id`;

/**
 * Each phase's plan with the sections of its template (the plan's own version, or the newest template
 * for a plan not written yet), and the phase's open conditions (PLANS_SQL).
 */
export interface PlanStateRecord {
  phase_id: string;
  content: PlanContent | null;
  plan_version: number | null;
  sections: TemplateSection[] | null;
  open_conditions: { id: string; text: string; dueDate: string | null }[];
  sent_back: { decisionText: string; reopened: ReopenRequest | null } | null;
}

const PLANS_SQL = `SELECT ph.id AS phase_id, pp.content, pp.version AS plan_version, tv.sections,
              (SELECT coalesce(json_agg(json_build_object('id', c.id, 'text', c.text, 'dueDate', c.due_date) ORDER BY c.due_date NULLS LAST, c.position), '[]')
                 FROM gate_condition c WHERE c.phase_id = ph.id AND c.state = 'open') AS open_conditions,
              (SELECT CASE WHEN d.outcome = 'sent_back' THEN json_build_object('decisionText', d.decision_text, 'reopened', d.reopened) END
                 FROM gate_submission s LEFT JOIN gate_decision d ON d.submission_id = s.id
                WHERE s.phase_id = ph.id ORDER BY s.submitted_at DESC, s.id LIMIT 1) AS sent_back
         FROM project_phase ph
         LEFT JOIN phase_plan pp ON pp.phase_id = ph.id
         LEFT JOIN LATERAL (
           SELECT v.sections FROM template_version v
            WHERE v.id = coalesce(pp.template_version_id,
                    (SELECT x.id FROM template t JOIN template_version x ON x.template_id = t.id
                      WHERE t.key = 'plan_' || ph.phase_key ORDER BY x.version DESC LIMIT 1))
         ) tv ON true
        WHERE ph.project_id = $1`;

/** A project as its statements answer it: the project row and each list of parts, all for one project. */
export interface ProjectParts {
  project: ProjectRecord;
  kommuner: KommuneRecord[];
  team: TeamRecord[];
  phases: PhaseRecord[];
  deliverables: DeliverableRecord[];
  checkpoints: CheckpointRecord[];
  budgets: BudgetRecord[];
  plans: PlanStateRecord[];
}

/**
 * The statement of each part, every one with the project's id as $1 and its rows in the order shown.
 * loadProject and the project page (project-page.queries.ts) run them as the JSON columns of one
 * statement (PROJECT_PARTS_COLUMNS).
 */
export const PROJECT_PARTS_SQL: { readonly [K in keyof ProjectParts]: string } = {
  project: PROJECT_SQL,
  kommuner: KOMMUNER_SQL,
  team: TEAM_SQL,
  phases: PHASES_SQL,
  deliverables: DELIVERABLES_SQL,
  checkpoints: CHECKPOINTS_SQL,
  budgets: BUDGETS_SQL,
  plans: PLANS_SQL,
};

/**
 * A part's rows as one JSON array, in the order its statement gives them: a sub-select with ORDER BY is
 * planned on its own (never merged into the outer query), so json_agg reads its rows sorted.
 */
export const jsonRows = (sql: string) => `(SELECT coalesce(json_agg(x), '[]') FROM (${sql}) x)`;

/**
 * Every part of project $1 as the columns of one statement `SELECT ${PROJECT_PARTS_COLUMNS} FROM (${PROJECT_SQL}) p`:
 * each part's own statement (PROJECT_PARTS_SQL) as a JSON column, which toProjectAggregate reads as it reads their rows.
 */
export const PROJECT_PARTS_COLUMNS = `row_to_json(p) AS project,
       ${jsonRows(KOMMUNER_SQL)} AS kommuner,
       ${jsonRows(TEAM_SQL)} AS team,
       ${jsonRows(PHASES_SQL)} AS phases,
       ${jsonRows(DELIVERABLES_SQL)} AS deliverables,
       ${jsonRows(CHECKPOINTS_SQL)} AS checkpoints,
       ${jsonRows(BUDGETS_SQL)} AS budgets,
       ${jsonRows(PLANS_SQL)} AS plans`;

/** Reads a whole project (phases, deliverables, team, budget totals, plan completeness) in one statement. */
export async function loadProject(em: EntityManager, projectId: string, lock = false): Promise<ProjectAggregate> {
  const parts = await queryOne<ProjectParts>(
    em,
    `SELECT ${PROJECT_PARTS_COLUMNS} FROM (${PROJECT_SQL} ${lock ? 'FOR UPDATE OF p' : ''}) p`,
    [projectId],
  );
  if (!parts) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  return toProjectAggregate(parts);
}

/** The project from its parts, however they were read. */
export function toProjectAggregate(parts: ProjectParts): ProjectAggregate {
  const { project: p, kommuner, team, phases, deliverables, checkpoints, budgets, plans } = parts;
  const leader = team.find((t) => t.role === 'project_leader');
  return {
    id: p.id,
    regionId: p.region_id,
    regionName: p.region_name,
    councilName: p.council_name,
    name: p.name,
    description: p.description,
    status: p.status,
    version: p.version,
    kommuner: kommuner.map((k) => ({ id: k.id, number: k.number, name: k.name })),
    leader: leader ? toPerson(leader) : null,
    members: team.filter((t) => t.role === 'project_member').map(toPerson),
    phases: phases.map((ph) =>
      toPhaseRow(
        ph,
        deliverables.filter((d) => d.phase_id === ph.id),
        checkpoints.filter((c) => c.phase_id === ph.id),
        budgets.find((b) => b.phase_id === ph.id),
        plans.find((x) => x.phase_id === ph.id),
      ),
    ),
  };
}

function toPerson(t: TeamRecord): PersonRow {
  return { id: t.id, name: t.name, email: t.email };
}

function toPhaseRow(
  ph: PhaseRecord,
  deliverables: DeliverableRecord[],
  checkpoints: CheckpointRecord[],
  budget: BudgetRecord | undefined,
  plan: PlanStateRecord | undefined,
): PhaseRow {
  return {
    id: ph.id,
    key: ph.phase_key,
    position: ph.position,
    state: ph.state,
    plannedStart: ph.planned_start,
    plannedEnd: ph.planned_end,
    actualStart: ph.actual_start,
    actualEnd: ph.actual_end,
    version: ph.version,
    deliverables: deliverables
      .sort((a, b) => catalogueOrder(ph.phase_key, a.catalogue_key) - catalogueOrder(ph.phase_key, b.catalogue_key))
      .map(toDeliverableRow),
    checkpoints: checkpoints.map((c) => ({ key: c.checkpoint_key, checked: c.checked })),
    budget: budgetOf(budget),
    plan: planStateOf(plan),
    sentBack: plan?.sent_back ?? null,
    openConditions: (plan?.open_conditions ?? []).map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate, state: 'open' as const })),
  };
}

function planStateOf(row: PlanStateRecord | undefined): PhaseRow['plan'] {
  if (!row?.sections) return null;
  const c = planCompleteness(row.sections, row.content ?? {});
  return { missing: c.missing.length, total: c.required, version: row.plan_version ?? 0 };
}

function toDeliverableRow(d: DeliverableRecord): DeliverableRow {
  return {
    id: d.id,
    phaseId: d.phase_id,
    key: d.catalogue_key,
    title: d.title,
    required: d.required,
    state: d.state,
    owner:
      d.owner_id !== null && d.owner_name !== null && d.owner_email !== null
        ? { id: d.owner_id, name: d.owner_name, email: d.owner_email }
        : null,
    dueDate: d.due_date,
    notRequiredReason: d.not_required_reason,
    fileCount: d.file_count,
    hasContent: d.has_content,
    reviewComment: d.review_comment,
    version: d.version,
  };
}

/** The phase the project is in: in progress or awaiting decision; null when the project has ended. */
export function currentPhase(project: Pick<ProjectAggregate, 'phases'>): PhaseRow | null {
  return project.phases.find((ph) => ph.state === 'in_progress' || ph.state === 'awaiting_decision') ?? null;
}

/** Deliverables in the catalogue's order; the project's own after them. */
function catalogueOrder(phaseKey: PhaseKey, key: string | null): number {
  const i = phaseSpec(phaseKey).deliverables.findIndex((d) => d.key === key);
  return i < 0 ? 1000 : i;
}

function budgetOf(row: BudgetRecord | undefined): PhaseRow['budget'] {
  return { costs: Number(row?.costs ?? 0), financing: Number(row?.financing ?? 0), costLines: row?.cost_lines ?? 0 };
}

/**
 * The gate's checklist for a phase. Besides the catalogue's items, the plan for the next phase must be
 * complete in the plan editor, its budget must have costs, costs and financing must balance, and the
 * conditions of the previous approval that are followed up in this phase must be met or waived.
 */
export function phaseReadiness(
  project: Pick<ProjectAggregate, 'phases'>,
  phase: PhaseRow,
  today = phase.actualEnd ?? todayInOslo(),
): Readiness {
  const next = project.phases.find((p) => p.position === phase.position + 1);
  const extra: ReadinessItem[] = next
    ? [
        {
          kind: 'budget',
          key: `budget_${next.key}`,
          status: next.budget.costLines > 0 && next.budget.costs === next.budget.financing ? 'ok' : 'missing',
          blocking: true,
          params: { phase: next.key, costs: next.budget.costs, financing: next.budget.financing },
        },
      ]
    : [];
  return evaluateReadiness({
    phaseKey: phase.key,
    phaseState: phase.state,
    deliverables: phase.deliverables.map((d) => ({ ...d, filled: d.hasContent || d.fileCount > 0 })),
    checkpoints: phase.checkpoints,
    nextPlan: next ? next.plan : undefined,
    conditions: phase.openConditions,
    actualStart: phase.actualStart,
    today,
    extra,
  });
}

export function phaseDuration(phase: PhaseRow, today = todayInOslo()) {
  return durationStatus(phaseSpec(phase.key), phase.actualStart, phase.actualEnd ?? (phase.actualStart ? today : null));
}

export function findPhase(project: ProjectAggregate, key: string): PhaseRow {
  const phase = project.phases.find((p) => p.key === key);
  if (!phase)
    throw new DomainError('PHASE_NOT_FOUND', `The project has no phase "${key}"; phases are forstudie, forprosjekt and hovedprosjekt.`);
  return phase;
}
