import { DeliverableState, durationStatus, evaluateReadiness, PhaseKey, phaseSpec, PhaseState, ProjectStatus, Readiness, todayInOslo } from '@nvr/shared';
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

/** Reads a whole project (phases, deliverables, team) in five queries. */
export async function loadProject(em: EntityManager, projectId: string, lock = false): Promise<ProjectAggregate> {
  const [p] = await em.query(
    `SELECT p.id, p.region_id, r.name AS region_name, r.council_name, p.name, p.description, p.status, p.version
       FROM project p JOIN region r ON r.id = p.region_id WHERE p.id = $1 ${lock ? 'FOR UPDATE OF p' : ''}`,
    [projectId],
  );
  if (!p) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
  const [kommuner, team, phases, deliverables, checkpoints] = await Promise.all([
    em.query(`SELECT k.id, trim(k.number) AS number, k.name FROM project_kommune pk JOIN kommune k ON k.id = pk.kommune_id WHERE pk.project_id = $1 ORDER BY k.name`, [projectId]),
    em.query(
      `SELECT ra.role, u.id, u.name, u.email FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
        WHERE ra.project_id = $1 ORDER BY u.name`,
      [projectId],
    ),
    em.query(
      `SELECT id, phase_key, position, state, planned_start, planned_end, actual_start, actual_end, version
         FROM project_phase WHERE project_id = $1 ORDER BY position`,
      [projectId],
    ),
    em.query(
      `SELECT d.id, d.phase_id, d.catalogue_key, d.title, d.required, d.state, d.due_date, d.not_required_reason, d.version,
              u.id AS owner_id, u.name AS owner_name, u.email AS owner_email,
              (SELECT count(*)::int FROM deliverable_file f WHERE f.deliverable_id = d.id) AS file_count
         FROM deliverable d JOIN project_phase ph ON ph.id = d.phase_id LEFT JOIN app_user u ON u.id = d.owner_user_id
        WHERE ph.project_id = $1 ORDER BY d.phase_id, d.required DESC, d.title`,
      [projectId],
    ),
    em.query(`SELECT c.phase_id, c.checkpoint_key, c.checked FROM gate_checkpoint c JOIN project_phase ph ON ph.id = c.phase_id WHERE ph.project_id = $1`, [projectId]),
  ]);
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
    members: team.filter((t: { role: string }) => t.role === 'project_member').map((t: PersonRow) => ({ id: t.id, name: t.name, email: t.email })),
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
    })),
  };
}

/** The phase the project is in: in progress or awaiting decision; null when the project has ended. */
export function currentPhase(project: Pick<ProjectAggregate, 'phases'>): PhaseRow | null {
  return project.phases.find((ph) => ph.state === 'in_progress' || ph.state === 'awaiting_decision') ?? null;
}

export function phaseReadiness(phase: PhaseRow, today = todayInOslo()): Readiness {
  return evaluateReadiness({
    phaseKey: phase.key,
    phaseState: phase.state,
    deliverables: phase.deliverables,
    checkpoints: phase.checkpoints,
    actualStart: phase.actualStart,
    today,
  });
}

export function phaseDuration(phase: PhaseRow, today = todayInOslo()) {
  return durationStatus(phaseSpec(phase.key), phase.actualStart, phase.actualEnd ?? (phase.actualStart ? today : null));
}

export function findPhase(project: ProjectAggregate, key: string): PhaseRow {
  const phase = project.phases.find((p) => p.key === key);
  if (!phase) throw new DomainError('PHASE_NOT_FOUND', `The project has no phase "${key}"; phases are forstudie, forprosjekt and hovedprosjekt.`);
  return phase;
}
