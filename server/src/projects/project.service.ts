import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  canOnRegion,
  isValidPeriod,
  nextActions,
  nextPhaseKey,
  PHASES,
  PhaseKey,
  PhaseState,
  ProjectStatus,
  RoleAssignment,
  todayInOslo,
  visibleRegionIds,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { SessionService } from '../auth/session.service';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { HistoryService } from '../history/history.service';
import { CreateProjectDto, PhaseDto, ProjectDto, ProjectSummaryDto, SetTeamDto, UpdatePhaseDto, UpdateProjectDto } from './project.dto';
import { ChangeRecord, expectVersion, ProjectChanges } from './project-changes';
import { currentPhase, findPhase, loadProject, PhaseRow, phaseDuration, phaseReadiness, ProjectAggregate } from './project-queries';

/** A project in the list, with its current phase and leader (PROJECT_SUMMARIES_SQL). */
interface ProjectSummaryRecord {
  id: string;
  name: string;
  region_id: string;
  region_name: string;
  status: ProjectStatus;
  phase_key: PhaseKey | null;
  phase_state: PhaseState | null;
  leader_id: string | null;
  leader_name: string | null;
  leader_email: string | null;
}

const PROJECT_SUMMARIES_SQL = `SELECT p.id, p.name, p.region_id, r.name AS region_name, p.status,
              cur.phase_key, cur.state AS phase_state, u.id AS leader_id, u.name AS leader_name, u.email AS leader_email
         FROM project p
         JOIN region r ON r.id = p.region_id
         LEFT JOIN LATERAL (
           SELECT phase_key, state FROM project_phase ph WHERE ph.project_id = p.id AND ph.state IN ('in_progress', 'awaiting_decision') LIMIT 1
         ) cur ON true
         LEFT JOIN LATERAL (
           SELECT user_id FROM role_assignment ra WHERE ra.project_id = p.id AND ra.role = 'project_leader' LIMIT 1
         ) l ON true
         LEFT JOIN app_user u ON u.id = l.user_id
        WHERE ($1::uuid[] IS NULL OR p.region_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR p.region_id = $2)
        ORDER BY r.name, p.name`;

@Injectable()
export class ProjectService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly history: HistoryService,
    private readonly changes: ProjectChanges,
    private readonly sessions: SessionService,
  ) {}

  /** The projects the person may see, optionally of one region. */
  async list(roles: readonly RoleAssignment[], regionId?: string): Promise<ProjectSummaryDto[]> {
    const visible = visibleRegionIds(roles);
    const rows = await queryRows<ProjectSummaryRecord>(this.db, PROJECT_SUMMARIES_SQL, [
      visible === 'all' ? null : visible,
      regionId ?? null,
    ]);
    // Project roles see only their own project, not every project of the region.
    return rows.filter((r) => canOnProject(roles, { id: r.id, regionId: r.region_id }, 'read')).map(toProjectSummaryDto);
  }

  async get(projectId: string, roles: readonly RoleAssignment[], em: EntityManager = this.db.manager): Promise<ProjectDto> {
    return toProjectDto(await loadProject(em, projectId), roles);
  }

  async create(dto: CreateProjectDto, actor: Principal): Promise<ProjectDto> {
    if (!canOnRegion(actor.roles, dto.regionId, 'read'))
      throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${dto.regionId}.`);
    if (!canOnRegion(actor.roles, dto.regionId, 'decide')) {
      throw new DomainError('FORBIDDEN', 'Only the regionråd of the region (or an administrator) can start a project.');
    }
    const period = { plannedStart: dto.forstudie?.plannedStart ?? null, plannedEnd: dto.forstudie?.plannedEnd ?? null };
    assertPlannedPeriod(period);
    let teamChanged: string[] = [];
    const id = await this.db.transaction(async (tx) => {
      await execute(tx, `SELECT 1 FROM region WHERE id = $1 FOR SHARE`, [dto.regionId]);
      await assertKommunerInRegion(tx, dto.regionId, dto.kommuneIds);
      const project = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO project (region_id, name, description) VALUES ($1, $2, $3) RETURNING id`,
        [dto.regionId, dto.name, dto.description ?? null],
      );
      for (const k of dto.kommuneIds)
        await execute(tx, `INSERT INTO project_kommune (project_id, kommune_id) VALUES ($1, $2)`, [project.id, k]);
      // A forstudie already under way keeps its real start (validated: not in the future, not before 2000).
      const startedOn = dto.forstudieStartedOn ?? todayInOslo();
      for (const spec of PHASES) {
        const first = spec.order === 1;
        const phase = await queryOneOrFail<{ id: string }>(
          tx,
          `INSERT INTO project_phase (project_id, phase_key, position, state, planned_start, planned_end, actual_start) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            project.id,
            spec.key,
            spec.order,
            first ? 'in_progress' : 'not_started',
            first ? period.plannedStart : null,
            first ? period.plannedEnd : null,
            first ? startedOn : null,
          ],
        );
        for (const d of spec.deliverables) {
          await execute(tx, `INSERT INTO deliverable (phase_id, catalogue_key, title, required) VALUES ($1, $2, $3, $4)`, [
            phase.id,
            d.key,
            d.title.nb,
            d.required,
          ]);
        }
      }
      if (dto.leaderUserId)
        teamChanged = await writeTeam(tx, project.id, dto.regionId, { leaderUserId: dto.leaderUserId, memberUserIds: [] });
      await this.history.record(tx, actor, {
        projectId: project.id,
        action: 'project.created',
        entityType: 'project',
        entityId: project.id,
        after: {
          name: dto.name,
          regionId: dto.regionId,
          kommuneIds: dto.kommuneIds,
          leaderUserId: dto.leaderUserId ?? null,
          ...period,
          forstudieStartedOn: startedOn,
        },
      });
      return project.id;
    });
    this.sessions.forgetUsers(teamChanged);
    return this.get(id, actor.roles);
  }

  async update(projectId: string, dto: UpdateProjectDto, actor: Principal): Promise<ProjectDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const p = await locked.aggregate();
      assertCanManage(p, actor.roles);
      expectVersion('project', dto.version, p.version);
      if (dto.kommuneIds) {
        const before = p.kommuner.map((k) => k.id).sort();
        const changed = before.join() !== [...new Set(dto.kommuneIds)].sort().join();
        const waiting = p.phases.find((ph) => ph.state === 'awaiting_decision');
        if (changed && waiting) {
          throw new DomainError(
            'PHASE_AWAITING_DECISION',
            `The ${waiting.key} is waiting for a decision, and each participating kommune has its case and share in what was submitted; change the kommuner after the gate is decided (a kommune whose kommunestyre says no leaves then).`,
          );
        }
        await assertKommunerInRegion(tx, p.regionId, dto.kommuneIds);
        await execute(tx, `DELETE FROM project_kommune WHERE project_id = $1`, [projectId]);
        for (const k of dto.kommuneIds)
          await execute(tx, `INSERT INTO project_kommune (project_id, kommune_id) VALUES ($1, $2)`, [projectId, k]);
      }
      const after = { name: dto.name ?? p.name, description: dto.description === undefined ? p.description : dto.description || null };
      await execute(tx, `UPDATE project SET name = $2, description = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
        projectId,
        after.name,
        after.description,
      ]);
      return {
        history: {
          action: 'project.updated',
          entityType: 'project',
          entityId: projectId,
          before: { name: p.name, description: p.description, kommuneIds: p.kommuner.map((k) => k.id).sort() },
          after: { ...after, kommuneIds: (dto.kommuneIds ?? p.kommuner.map((k) => k.id)).slice().sort() },
        },
      };
    });
    return this.get(projectId, actor.roles);
  }

  async setTeam(projectId: string, dto: SetTeamDto, actor: Principal): Promise<ProjectDto> {
    let teamChanged: string[] = [];
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const p = await locked.aggregate();
      assertCanManage(p, actor.roles);
      teamChanged = await writeTeam(tx, projectId, p.regionId, dto);
      return {
        history: {
          action: 'project.team_changed',
          entityType: 'project',
          entityId: projectId,
          before: { leaderUserId: p.leader?.id ?? null, memberUserIds: p.members.map((m) => m.id).sort() },
          after: { leaderUserId: dto.leaderUserId, memberUserIds: [...dto.memberUserIds].sort() },
        },
      };
    });
    // Their project roles changed: this instance reads their sessions afresh (the others hear it from the database).
    this.sessions.forgetUsers(teamChanged);
    return this.get(projectId, actor.roles);
  }

  /**
   * A phase's planned start and end, and the actual start of the phase in progress (a phase already
   * under way before it was recorded, or one that began later than the decision). A phase that has not
   * started, waits for a decision or has ended says so with its own code.
   */
  async updatePhase(projectId: string, phaseKey: string, dto: UpdatePhaseDto, actor: Principal): Promise<ProjectDto> {
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await locked.aggregate();
      const phase = findPhase(project, phaseKey);
      expectVersion('phase', dto.version, phase.version);
      if (phase.state === 'completed' || phase.state === 'stopped')
        throw new DomainError(
          'PHASE_ENDED',
          `The ${phase.key} is ${phase.state}${phase.actualEnd ? ` (since ${phase.actualEnd})` : ''}; a phase that has ended keeps its dates.`,
        );
      const after = {
        plannedStart: dto.plannedStart === undefined ? phase.plannedStart : dto.plannedStart,
        plannedEnd: dto.plannedEnd === undefined ? phase.plannedEnd : dto.plannedEnd,
      };
      assertPlannedPeriod(after);
      const actualStart = dto.actualStart ?? phase.actualStart;
      if (dto.actualStart !== undefined) await assertActualStart(tx, project, phase, dto.actualStart);
      await execute(
        tx,
        `UPDATE project_phase SET planned_start = $2, planned_end = $3, actual_start = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [phase.id, after.plannedStart, after.plannedEnd, actualStart],
      );
      const history: ChangeRecord[] = [];
      const plannedChanged = dto.plannedStart !== undefined || dto.plannedEnd !== undefined;
      if (plannedChanged || dto.actualStart === undefined) {
        history.push({
          action: 'phase.planned',
          entityType: 'phase',
          entityId: phase.key,
          before: { plannedStart: phase.plannedStart, plannedEnd: phase.plannedEnd },
          after,
        });
      }
      if (dto.actualStart !== undefined && dto.actualStart !== phase.actualStart) {
        history.push({
          action: 'phase.started_earlier',
          entityType: 'phase',
          entityId: phase.key,
          before: { actualStart: phase.actualStart },
          after: { actualStart: dto.actualStart },
        });
      }
      // The same actual start sent again (the dialog sends every field) is no news for the history.
      return { history };
    });
    return this.get(projectId, actor.roles);
  }
}

export function toProjectDto(p: ProjectAggregate, roles: readonly RoleAssignment[]): ProjectDto {
  const today = todayInOslo();
  const current = currentPhase(p);
  const scope = { id: p.id, regionId: p.regionId };
  const phases: PhaseDto[] = p.phases.map((ph) => ({
    id: ph.id,
    key: ph.key,
    position: ph.position,
    state: ph.state,
    plannedStart: ph.plannedStart,
    plannedEnd: ph.plannedEnd,
    actualStart: ph.actualStart,
    actualEnd: ph.actualEnd,
    version: ph.version,
    duration: phaseDuration(ph, today),
    deliverables: ph.deliverables.map((d) => ({
      id: d.id,
      key: d.key,
      title: d.title,
      required: d.required,
      state: d.state,
      owner: d.owner,
      dueDate: d.dueDate,
      fileCount: d.fileCount,
      version: d.version,
    })),
    readiness: ph === current ? phaseReadiness(p, ph, today) : null,
  }));
  const currentDto = phases.find((ph) => ph.id === current?.id);
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    regionId: p.regionId,
    regionName: p.regionName,
    councilName: p.councilName,
    status: p.status,
    version: p.version,
    currentPhaseKey: current?.key ?? null,
    currentPhaseState: current?.state ?? null,
    leader: p.leader,
    members: p.members,
    kommuner: p.kommuner,
    phases,
    nextActions: nextActions(
      {
        id: p.id,
        regionId: p.regionId,
        status: p.status,
        currentPhase:
          current && currentDto
            ? {
                key: current.key,
                state: current.state,
                ready: currentDto.readiness?.ready ?? false,
                deliverables: current.deliverables,
                uncheckedCheckpoints: (currentDto.readiness?.items ?? [])
                  .filter((i) => i.kind === 'checkpoint' && i.status !== 'ok')
                  .map((i) => i.key),
                nextBudgetMissing:
                  (currentDto.readiness?.items.find((i) => i.kind === 'budget' && i.status !== 'ok')?.params?.phase as
                    PhaseKey | undefined) ?? null,
                openConditions: current.openConditions.map((c) => ({ id: c.id, text: c.text, dueDate: c.dueDate })),
                sentBack: current.sentBack
                  ? {
                      decisionText: current.sentBack.decisionText,
                      planSections: current.sentBack.reopened?.planSections ?? [],
                      budget: current.sentBack.reopened?.budget ?? false,
                      nextPhaseKey: nextPhaseKey(current.key),
                    }
                  : null,
              }
            : null,
      },
      roles,
    ),
    permissions: {
      edit: p.status === 'active' && canOnProject(roles, scope, 'edit'),
      submit: p.status === 'active' && canOnProject(roles, scope, 'submit'),
      decide: p.status === 'active' && canOnProject(roles, scope, 'decide'),
      comment: canOnProject(roles, scope, 'comment'),
      manage: canOnRegion(roles, p.regionId, 'decide'),
    },
  };
}

function toProjectSummaryDto(r: ProjectSummaryRecord): ProjectSummaryDto {
  return {
    id: r.id,
    name: r.name,
    regionId: r.region_id,
    regionName: r.region_name,
    status: r.status,
    currentPhaseKey: r.phase_key ?? null,
    currentPhaseState: r.phase_state ?? null,
    leader:
      r.leader_id !== null && r.leader_name !== null && r.leader_email !== null
        ? { id: r.leader_id, name: r.leader_name, email: r.leader_email }
        : null,
  };
}

function assertCanManage(p: ProjectAggregate, roles: readonly RoleAssignment[]): void {
  if (!canOnRegion(roles, p.regionId, 'decide'))
    throw new DomainError(
      'FORBIDDEN',
      'Only the regionråd of the region (or an administrator) can change the project’s name, kommuner or team.',
    );
}

function assertPlannedPeriod(p: { plannedStart: string | null; plannedEnd: string | null }): void {
  if (p.plannedStart && p.plannedEnd && !isValidPeriod({ from: p.plannedStart, to: p.plannedEnd })) {
    throw new DomainError('INVALID_PERIOD', `The planned end (${p.plannedEnd}) is before the planned start (${p.plannedStart}).`);
  }
}

/** The first dates recorded in a phase's gate: its first submission, and any meeting that handled it (PHASE_RECORDED_SQL). */
interface PhaseRecordedRow {
  submitted: string | null;
  decided: string | null;
  handled: string | null;
  kommune_decided: string | null;
}

const PHASE_RECORDED_SQL = `SELECT
    (SELECT min((s.submitted_at AT TIME ZONE 'Europe/Oslo')::date)::text FROM gate_submission s WHERE s.phase_id = $1) AS submitted,
    (SELECT min(d.meeting_date)::text FROM gate_decision d WHERE d.phase_id = $1) AS decided,
    (SELECT min(cs.meeting_date)::text FROM gate_case_step cs JOIN gate_submission s ON s.id = cs.submission_id WHERE s.phase_id = $1) AS handled,
    (SELECT min(kc.meeting_date)::text FROM kommune_case kc JOIN gate_submission s ON s.id = kc.submission_id WHERE s.phase_id = $1) AS kommune_decided`;

/**
 * The actual start of a phase can be set only while it is in progress, and must fit the dates around it:
 * not before the previous phase ended (its gate's decision), not after the phase's own end, and not
 * after anything already recorded in the phase's gate (a submission, a body's meeting, a decision).
 * (Not in the future and not before 2000 is checked by the DTO, as a 400 naming the field.)
 */
async function assertActualStart(tx: EntityManager, project: ProjectAggregate, phase: PhaseRow, start: string): Promise<void> {
  if (phase.state === 'not_started') {
    throw new DomainError(
      'PHASE_NOT_STARTED',
      `The ${phase.key} has not started, so it has no actual start to change; it starts when the gate before it is approved. Plan its dates instead.`,
    );
  }
  if (phase.state === 'awaiting_decision') {
    throw new DomainError(
      'PHASE_AWAITING_DECISION',
      `The ${phase.key} is waiting for a decision; its actual start is part of what was submitted and cannot change until the gate is decided.`,
    );
  }
  const previous = project.phases.find((p) => p.position === phase.position - 1);
  if (previous?.actualEnd && start < previous.actualEnd) {
    throw new DomainError(
      'PHASE_DATES_OUT_OF_ORDER',
      `The actual start ${start} is before the ${previous.key} ended (${previous.actualEnd}, the decision that started the ${phase.key}); choose ${previous.actualEnd} or later.`,
    );
  }
  if (phase.actualEnd && start > phase.actualEnd) {
    throw new DomainError(
      'PHASE_DATES_OUT_OF_ORDER',
      `The actual start ${start} is after the ${phase.key} ended (${phase.actualEnd}); choose ${phase.actualEnd} or earlier.`,
    );
  }
  const recorded = await queryOne<PhaseRecordedRow>(tx, PHASE_RECORDED_SQL, [phase.id]);
  const events: [string | null | undefined, string][] = [
    [recorded?.submitted, `the ${phase.key} was first submitted for decision`],
    [recorded?.handled, `a body handled the ${phase.key} gate`],
    [recorded?.kommune_decided, `a kommunestyre decided on the ${phase.key} gate`],
    [recorded?.decided, `the ${phase.key} gate was decided`],
  ];
  const first = events.filter((e): e is [string, string] => typeof e[0] === 'string').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0];
  if (first && start > first[0]) {
    throw new DomainError(
      'PHASE_DATES_OUT_OF_ORDER',
      `The actual start ${start} is after ${first[1]} (${first[0]}); the phase must have started by then, so choose ${first[0]} or earlier.`,
    );
  }
}

/** Participating kommuner must be current members of the project's region. */
async function assertKommunerInRegion(tx: EntityManager, regionId: string, kommuneIds: string[]): Promise<void> {
  const today = todayInOslo();
  const rows = await queryRows<{ kommune_id: string }>(
    tx,
    `SELECT kommune_id FROM region_membership WHERE region_id = $1 AND kommune_id = ANY($2::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`,
    [regionId, kommuneIds, today],
  );
  const members = new Set(rows.map((r) => r.kommune_id));
  const outside = kommuneIds.filter((k) => !members.has(k));
  if (outside.length) {
    const named = await queryRows<{ name: string }>(tx, `SELECT name FROM kommune WHERE id = ANY($1::uuid[]) ORDER BY name`, [outside]);
    const kommuner = named.length ? named.map((k) => k.name).join(', ') : outside.join(', ');
    throw new DomainError(
      'KOMMUNE_NOT_IN_REGION',
      `These kommuner are not current members of the region: ${kommuner}. Add them to the region first.`,
    ).withParams({ kommuner });
  }
}

/**
 * Replaces the project's leader and group (their project roles) in the caller's transaction; answers
 * whose roles it removed or gave (their sessions must be read afresh once the transaction commits).
 */
async function writeTeam(
  tx: EntityManager,
  projectId: string,
  regionId: string,
  team: { leaderUserId: string | null; memberUserIds: string[] },
): Promise<string[]> {
  const ids = [...new Set([...(team.leaderUserId ? [team.leaderUserId] : []), ...team.memberUserIds])];
  if (ids.length) {
    const found = await queryRows<{ id: string }>(tx, `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND active`, [ids]);
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw new DomainError('USER_NOT_FOUND', `No active account has the id ${missing.join(', ')}.`);
  }
  const removed = await queryRows<{ user_id: string }>(tx, `DELETE FROM role_assignment WHERE project_id = $1 RETURNING user_id`, [
    projectId,
  ]);
  if (team.leaderUserId) {
    await execute(tx, `INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, 'project_leader', $2, $3)`, [
      team.leaderUserId,
      regionId,
      projectId,
    ]);
  }
  for (const m of team.memberUserIds.filter((id) => id !== team.leaderUserId)) {
    await execute(tx, `INSERT INTO role_assignment (user_id, role, region_id, project_id) VALUES ($1, 'project_member', $2, $3)`, [
      m,
      regionId,
      projectId,
    ]);
  }
  return [...new Set([...removed.map((r) => r.user_id), ...ids])];
}
