import {
  DeliverableState,
  durationStatus,
  evaluateReadiness,
  PhaseKey,
  phaseSpec,
  PhaseState,
  ProjectStatus,
  Readiness,
  ReadinessItem,
  todayInOslo,
} from '@nvr/shared';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';

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
  version: number;
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

/** Reads a whole project (phases, deliverables, team, budget totals) in seven queries. */
export async function loadProject(em: EntityManager, projectId: string, lock = false): Promise<ProjectAggregate> {
  const [p] = await em.query(
    `SELECT p.id, p.region_id, r.name AS region_name, r.council_name, p.name, p.description, p.status, p.version
       FROM project p JOIN region r ON r.id = p.region_id WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [projectId],
  );
  if (!p) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  // One query at a time: a transaction's connection runs them in order anyway.
  const kommuner = await em.query(
    `SELECT k.id, trim(k.number) AS number, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name`,
    [projectId],
  );
  const team = await em.query(
    `SELECT ra.role, u.id, u.name, u.email FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
        WHERE ra.project_id = $1 ORDER BY u.name`,
    [projectId],
  );
  const phases = await em.query(
    `SELECT id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end, version
         FROM project_phase WHERE project_id = $1 ORDER BY position`,
    [projectId],
  );
  const deliverables = await em.query(
    `SELECT d.id, d.phase_id, d.catalogue_key, d.title, d.required, d.state, d.due_date, d.not_required_reason, d.version,
              u.id AS owner_id, u.name AS owner_name, u.email AS owner_email,
              (SELECT count(*)::int FROM deliverable_file f WHERE f.deliverable_id = d.id) AS file_count
         FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id LEFT JOIN app_user u ON u.id = d.owner_user_id
        WHERE ph.project_id = $1 ORDER BY d.phase_id, d.required DESC, d.title`,
    [projectId],
  );
  const checkpoints = await em.query(
    `SELECT c.phase_id, c.checkpoint_key, c.checked FROM gate_checkpoint c JOIN project_phase ph ON ph.id = c.phase_id WHERE ph.project_id = $1`,
    [projectId],
  );
  const budgets = await em.query(
    `SELECT b.phase_id,
              coalesce(sum(b.amount) FILTER (WHERE b.kind = 'cost'), 0)::bigint AS costs,
              coalesce(sum(b.amount) FILTER (WHERE b.kind = 'financing'), 0)::bigint AS financing,
              count(*) FILTER (WHERE b.kind = 'cost' AND b.amount > 0)::int AS cost_lines
         FROM budget_line b JOIN project_phase ph ON ph.id = b.phase_id WHERE ph.project_id = $1 GROUP BY b.phase_id`,
    [projectId],
  );
  const person = (id: string | null, name: string, email: string): PersonRow | null => (id ? { id, name, email } : null);
  const leaderRow = team.find((t: { role: string }) => t.role === 'project_leader');
  return {
    id: p.id,
    regionId: p.region_id,
    regionName: p.region_name,
    councilName: p.council_name,
    name: p.name,
    description: p.description,
    status: p.status,
    version: p.version,
    kommuner,
    leader: leaderRow ? person(leaderRow.id, leaderRow.name, leaderRow.email) : null,
    members: team
      .filter((t: { role: string }) => t.role === 'project_member')
      .map((t: PersonRow) => ({ id: t.id, name: t.name, email: t.email })),
    phases: phases.map((ph: Record<string, never>) => ({
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
        .filter((d: { phase_id: string }) => d.phase_id === ph.id)
        .sort(
          (a: { catalogue_key: string | null }, b: { catalogue_key: string | null }) =>
            catalogueOrder(ph.phase_key, a.catalogue_key) - catalogueOrder(ph.phase_key, b.catalogue_key),
        )
        .map((d: Record<string, never>) => ({
          id: d.id,
          phaseId: d.phase_id,
          key: d.catalogue_key,
          title: d.title,
          required: d.required,
          state: d.state,
          owner: person(d.owner_id, d.owner_name, d.owner_email),
          dueDate: d.due_date,
          notRequiredReason: d.not_required_reason,
          fileCount: d.file_count,
          version: d.version,
        })),
      checkpoints: checkpoints
        .filter((c: { phase_id: string }) => c.phase_id === ph.id)
        .map((c: { checkpoint_key: string; checked: boolean }) => ({ key: c.checkpoint_key, checked: c.checked })),
      budget: budgetOf(budgets.find((b: { phase_id: string }) => b.phase_id === ph.id)),
    })),
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

function budgetOf(row: { costs: string; financing: string; cost_lines: number } | undefined) {
  return { costs: Number(row?.costs ?? 0), financing: Number(row?.financing ?? 0), costLines: row?.cost_lines ?? 0 };
}

/**
 * The gate's checklist for a phase. Besides the catalogue's items, the budget of the plan being decided
 * on (the next phase's) must have costs, and costs and financing must balance.
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
    deliverables: phase.deliverables,
    checkpoints: phase.checkpoints,
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
