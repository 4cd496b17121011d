import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnRegion, caseRoute, currentStep, type PhaseKey, type RoleAssignment, stepOrderProblem, todayInOslo } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError, type FieldError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail } from '../database/sql';
import { checkUpload, type UploadedFileLike } from '../files/file-validation';
import { type FileContent, FileService, mapFile } from '../files/file.service';
import { GateNotifier } from '../notifications/gate-notifier';
import { ProjectChanges } from '../projects/project-changes';
import { findPhase, type PhaseRow } from '../projects/project-queries';
import {
  CaseRouteDecidersDto,
  CaseRouteDto,
  type CaseStepDto,
  GATE_PHASE_KEYS,
  type HandleCaseStepDto,
  type SaveCaseRouteDto,
} from './case-route.dto';
import {
  type CaseStepRecord,
  type CaseSubmissionRecord,
  findCaseSteps,
  findCaseSubmission,
  findCouncilName,
  findDeciders,
  findLatestSubmission,
  findRegionBodies,
  type RegionBodyRecord,
  type DeciderRecord,
} from './case-route.queries';
import './case-route.errors'; // declares this feature's error codes

export interface OpenCaseInput {
  submissionId: string;
  regionId: string;
  phaseKey: PhaseKey;
}

/** The deciding body's step of a submission, once every earlier body has handled the case. */
export interface DecidingStep {
  id: string;
  bodyName: string;
}

/** A case route has at most this many bodies. */
export const MAX_BODIES = 12;

/**
 * A region's case route (its bodies in order, and who decides each kind of gate) and each submitted
 * gate's steps through it.
 */
@Injectable()
export class CaseRouteService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileService,
    private readonly changes: ProjectChanges,
    private readonly notifier: GateNotifier,
  ) {}

  // -------------------------------------------------------------------------------------------------
  // The region's route

  async getRoute(regionId: string, roles: readonly RoleAssignment[], em: EntityManager = this.db.manager): Promise<CaseRouteDto> {
    const councilName = await findCouncilName(em, regionId);
    if (councilName === undefined) throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${regionId}.`);
    const bodies = await findRegionBodies(em, regionId);
    const deciders = await findDeciders(em, regionId);
    return {
      regionId,
      councilName,
      bodies: bodies.map((b) => ({
        id: b.id,
        name: b.name,
        kind: b.kind,
        position: b.position,
        isOwner: b.is_owner,
        decidesGates: GATE_PHASE_KEYS.filter((k) => deciders.some((d) => d.phase_key === k && d.body_id === b.id)),
      })),
      deciders: decidersDto(deciders),
      version: routeVersion(bodies, deciders),
      permissions: { edit: canOnRegion(roles, regionId, 'decide') },
    };
  }

  /** Replaces the region's route in one transaction: bodies in the order given, and the gates each decides. */
  async saveRoute(regionId: string, dto: SaveCaseRouteDto, actor: Principal): Promise<CaseRouteDto> {
    await this.db.transaction(async (tx) => {
      if ((await findCouncilName(tx, regionId, true)) === undefined)
        throw new DomainError('REGION_NOT_FOUND', `There is no region with id ${regionId}.`);
      const bodies = await findRegionBodies(tx, regionId);
      const deciders = await findDeciders(tx, regionId);
      const current = routeVersion(bodies, deciders);
      if (dto.version !== current) {
        throw new DomainError(
          'VERSION_CONFLICT',
          'The case route was changed by someone else since you read it. Reload it and make your change again.',
        );
      }
      checkRoute(dto, bodies);

      const kept = dto.bodies.filter((b) => b.id !== undefined).map((b) => b.id as string);
      await execute(tx, `DELETE FROM region_gate_decider WHERE region_id = $1`, [regionId]);
      await execute(tx, `DELETE FROM region_body WHERE region_id = $1 AND NOT (id = ANY($2::uuid[]))`, [regionId, kept]);
      // Free the names and the owner mark first, so that bodies may swap names or hand over ownership.
      await execute(tx, `UPDATE region_body SET name = '~' || id::text, is_owner = false WHERE region_id = $1`, [regionId]);
      for (const [position, b] of dto.bodies.entries()) {
        const id = b.id
          ? (
              await queryOneOrFail<{ id: string }>(
                tx,
                `UPDATE region_body SET name = $3, kind = $4, position = $5, is_owner = $6 WHERE id = $1 AND region_id = $2 RETURNING id`,
                [b.id, regionId, b.name, b.kind, position, b.isOwner],
              )
            ).id
          : (
              await queryOneOrFail<{ id: string }>(
                tx,
                `INSERT INTO region_body (region_id, name, kind, position, is_owner) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
                [regionId, b.name, b.kind, position, b.isOwner],
              )
            ).id;
        for (const phaseKey of b.decidesGates) {
          await execute(tx, `INSERT INTO region_gate_decider (region_id, phase_key, body_id) VALUES ($1, $2, $3)`, [
            regionId,
            phaseKey,
            id,
          ]);
        }
      }
    });
    return this.getRoute(regionId, actor.roles);
  }

  // -------------------------------------------------------------------------------------------------
  // A submission's case: what the gate calls

  /** Creates the submission's steps from the region's route, in the caller's transaction. */
  async openCase(tx: EntityManager, input: OpenCaseInput): Promise<CaseStepDto[]> {
    // The region's row in share mode: saveRoute holds it FOR UPDATE, so the bodies and deciders read
    // below are one route, never a mix of the old and the new.
    const region = await queryOne<{ council_name: string }>(tx, `SELECT council_name FROM region WHERE id = $1 FOR SHARE`, [
      input.regionId,
    ]);
    const councilName = region?.council_name;
    if (councilName === undefined) throw new Error(`openCase: no region ${input.regionId}`);
    const bodies = await findRegionBodies(tx, input.regionId);
    const deciders = Object.fromEntries((await findDeciders(tx, input.regionId)).map((d) => [d.phase_key, d.body_id]));
    const route = caseRoute(
      bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind, position: b.position, isOwner: b.is_owner })),
      deciders,
      input.phaseKey,
      councilName,
    );
    for (const s of route) {
      await execute(
        tx,
        `INSERT INTO gate_case_step (submission_id, position, body_id, body_name, body_kind, decides) VALUES ($1, $2, $3, $4, $5, $6)`,
        [input.submissionId, s.position, s.bodyId || null, s.bodyName, s.bodyKind, s.decides],
      );
    }
    return this.steps(tx, input.submissionId);
  }

  /** The steps of a submission in order, as the API shows them (`current` marks the body holding the case). */
  async steps(em: EntityManager, submissionId: string): Promise<CaseStepDto[]> {
    return toStepDtos(await findCaseSteps(em, submissionId));
  }

  /** The same, from steps read with more (caseStepsJson in case-route.queries.ts). */
  stepsFrom(rows: CaseStepRecord[]): CaseStepDto[] {
    return toStepDtos(rows);
  }

  /** The deciding step; 409 CASE_NOT_AT_DECIDING_BODY (naming the body holding the case) while an earlier body has not handled it. */
  async decidingStep(tx: EntityManager, submissionId: string): Promise<DecidingStep> {
    let rows = await findCaseSteps(tx, submissionId, true);
    if (rows.length === 0) {
      // A submission made before case routes existed: its case opens now, on the region's route as it is.
      const s = await findCaseSubmission(tx, submissionId);
      if (!s) throw new Error(`decidingStep: no submission ${submissionId}`);
      await this.openCase(tx, { submissionId, regionId: s.region_id, phaseKey: s.phase_key });
      rows = await findCaseSteps(tx, submissionId, true);
    }
    const deciding = rows.find((r) => r.decides) ?? rows[rows.length - 1];
    const problem = stepOrderProblem(rows.map(stepLike), deciding.id);
    if (problem === 'already_handled') {
      throw new DomainError(
        'GATE_ALREADY_DECIDED',
        `${deciding.body_name} has already decided on this submission. Reload to see the decision.`,
      );
    }
    if (problem === 'earlier_pending') {
      const at = currentStep(rows.map(stepLike));
      const holder = rows.find((r) => r.id === at?.id)?.body_name ?? 'an earlier body';
      throw new DomainError('CASE_NOT_AT_DECIDING_BODY', `The case is at ${holder}; record its handling before the decision.`);
    }
    return { id: deciding.id, bodyName: deciding.body_name };
  }

  /**
   * Marks the deciding step handled by the decision's meeting; 422 INVALID_PERIOD when that meeting is
   * before an earlier body's (the decision cannot come before the innstilling it rests on).
   */
  async markDecided(
    tx: EntityManager,
    stepId: string,
    meeting: { meetingDate: string; caseNumber: string },
    actorId: string,
  ): Promise<void> {
    const previous = await queryOne<{ body_name: string; meeting_date: string }>(
      tx,
      `SELECT p.body_name, to_char(p.meeting_date, 'YYYY-MM-DD') AS meeting_date
         FROM gate_case_step s JOIN gate_case_step p ON p.submission_id = s.submission_id AND p.position < s.position
        WHERE s.id = $1 AND p.meeting_date IS NOT NULL ORDER BY p.meeting_date DESC, p.position DESC LIMIT 1`,
      [stepId],
    );
    if (previous && meeting.meetingDate < previous.meeting_date) {
      throw new DomainError(
        'INVALID_PERIOD',
        `The meeting date ${meeting.meetingDate} is before ${previous.body_name} handled the case (${previous.meeting_date}).`,
        [{ field: 'meetingDate', messages: ['meetingDate must not be before the previous body’s meeting'] }],
      );
    }
    await execute(tx, `UPDATE gate_case_step SET meeting_date = $2, case_number = $3, handled_by = $4, handled_at = now() WHERE id = $1`, [
      stepId,
      meeting.meetingDate,
      meeting.caseNumber,
      actorId,
    ]);
  }

  // -------------------------------------------------------------------------------------------------
  // Each body's handling, recorded by the secretariat

  /** The steps of the phase's newest submission (empty when it was never submitted). */
  async phaseSteps(projectId: string, phaseKey: string): Promise<CaseStepDto[]> {
    const phase = await this.phaseOf(this.db.manager, projectId, phaseKey);
    const latest = await findLatestSubmission(this.db.manager, phase.id);
    return latest ? this.steps(this.db.manager, latest.id) : [];
  }

  /** Records one body's meeting and innstilling; the case moves on to the next body, who is told. */
  async handleStep(projectId: string, phaseKey: string, stepId: string, dto: HandleCaseStepDto, actor: Principal): Promise<CaseStepDto[]> {
    const today = todayInOslo();
    if (dto.meetingDate > today) {
      throw new DomainError(
        'INVALID_PERIOD',
        `The meeting date ${dto.meetingDate} is in the future; record the handling after the meeting.`,
        [{ field: 'meetingDate', messages: ['meetingDate must not be in the future'] }],
      );
    }
    return this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const phase = findPhase(await locked.aggregate(), phaseKey);
        const { submission, step, rows } = await this.findStep(tx, phase, stepId, true);
        if (phase.state !== 'awaiting_decision' || submission.decided) {
          throw new DomainError(
            'GATE_NOT_AWAITING_DECISION',
            `The ${phase.key} is not waiting for a decision (it is ${phase.state.replace('_', ' ')}); its case cannot move on.`,
          );
        }
        if (step.decides) {
          throw new DomainError(
            'CASE_STEP_DECIDES',
            `${step.body_name} decides this gate; record the decision instead of handling the step.`,
          );
        }
        const problem = stepOrderProblem(rows.map(stepLike), step.id);
        if (problem === 'already_handled') {
          throw new DomainError(
            'CASE_STEP_ALREADY_HANDLED',
            `${step.body_name} has already handled this case (meeting ${step.meeting_date}). Reload to see it.`,
          );
        }
        if (problem === 'earlier_pending') {
          const before = rows.find((r) => r.id === currentStep(rows.map(stepLike))?.id);
          throw new DomainError(
            'CASE_STEP_OUT_OF_ORDER',
            `The case is at ${before?.body_name ?? 'an earlier body'}; record its handling before ${step.body_name}'s.`,
          );
        }
        if (dto.meetingDate < submission.submitted_on) {
          throw new DomainError(
            'INVALID_PERIOD',
            `The meeting date ${dto.meetingDate} is before the ${phase.key} was submitted (${submission.submitted_on}).`,
            [{ field: 'meetingDate', messages: ['meetingDate must not be before the submission'] }],
          );
        }
        const previous = rows.filter((r) => r.position < step.position && r.meeting_date !== null).pop();
        if (previous?.meeting_date && dto.meetingDate < previous.meeting_date) {
          throw new DomainError(
            'INVALID_PERIOD',
            `The meeting date ${dto.meetingDate} is before ${previous.body_name} handled the case (${previous.meeting_date}).`,
            [{ field: 'meetingDate', messages: ['meetingDate must not be before the previous body’s meeting'] }],
          );
        }
        await execute(
          tx,
          `UPDATE gate_case_step SET meeting_date = $2, case_number = $3, recommended_outcome = $4, recommendation = $5,
                  handled_by = $6, handled_at = now() WHERE id = $1`,
          [step.id, dto.meetingDate, dto.caseNumber, dto.recommendedOutcome ?? null, dto.recommendation ?? null, actor.userId],
        );
        const steps = await this.steps(tx, submission.id);
        const next = steps.find((s) => s.current);
        if (next) {
          await this.notifier.caseAtBody(
            tx,
            { projectId, phaseKey: phase.key, submissionId: submission.id, actorId: actor.userId },
            { stepId: next.id, bodyName: next.bodyName },
          );
        }
        return {
          history: {
            action: 'gate.step_handled',
            entityType: 'gate',
            entityId: phase.key,
            after: {
              stepId: step.id,
              bodyName: step.body_name,
              meetingDate: dto.meetingDate,
              caseNumber: dto.caseNumber,
              recommendedOutcome: dto.recommendedOutcome ?? null,
              recommendation: dto.recommendation ?? null,
              nextBody: next?.bodyName ?? null,
            },
          },
          result: steps,
        };
      },
      { activeOnly: 'its gates are closed' },
    );
  }

  /** Attaches (or replaces) the minutes of one body's meeting. */
  async attachMinutes(
    projectId: string,
    phaseKey: string,
    stepId: string,
    upload: UploadedFileLike | undefined,
    actor: Principal,
  ): Promise<CaseStepDto[]> {
    const file = await checkUpload(upload);
    return this.changes.run(projectId, actor, async (tx, locked) => {
      const phase = findPhase(await locked.aggregate(), phaseKey);
      const { submission, step } = await this.findStep(tx, phase, stepId, true);
      const old = await queryOneOrFail<{ minutes_file_id: string | null }>(tx, `SELECT minutes_file_id FROM gate_case_step WHERE id = $1`, [
        step.id,
      ]);
      const stored = await this.files.store(tx, file, actor.userId);
      await execute(tx, `UPDATE gate_case_step SET minutes_file_id = $2 WHERE id = $1`, [step.id, stored.id]);
      // Only this step's own previous minutes are removed.
      if (old.minutes_file_id) await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [old.minutes_file_id]);
      return {
        history: {
          action: 'gate.step_minutes_attached',
          entityType: 'gate',
          entityId: phase.key,
          after: { stepId: step.id, bodyName: step.body_name, filename: stored.filename },
        },
        result: await this.steps(tx, submission.id),
      };
    });
  }

  async readMinutes(projectId: string, phaseKey: string, stepId: string): Promise<FileContent> {
    const em = this.db.manager;
    const phase = await this.phaseOf(em, projectId, phaseKey);
    const { step } = await this.findStep(em, phase, stepId, false);
    if (!step.file_id) throw new DomainError('FILE_NOT_FOUND', `${step.body_name}'s handling has no minutes attached.`);
    return this.files.read(step.file_id);
  }

  /** The step `stepId` of one of the phase's submissions, with its submission and all its steps. */
  private async findStep(
    em: EntityManager,
    phase: Pick<PhaseRow, 'id' | 'key'>,
    stepId: string,
    lock: boolean,
  ): Promise<{ submission: CaseSubmissionRecord; step: CaseStepRecord; rows: CaseStepRecord[] }> {
    const owner = await queryOneOrFail<{ submission_id: string | null }>(
      em,
      `SELECT (SELECT st.submission_id FROM gate_case_step st JOIN gate_submission s ON s.id = st.submission_id
                WHERE st.id = $1 AND s.phase_id = $2) AS submission_id`,
      [stepId, phase.id],
    );
    const notFound = () => new DomainError('CASE_STEP_NOT_FOUND', `The ${phase.key} gate has no case step with id ${stepId}.`);
    if (!owner.submission_id) throw notFound();
    const submission = await findCaseSubmission(em, owner.submission_id);
    const rows = await findCaseSteps(em, owner.submission_id, lock);
    const step = rows.find((r) => r.id === stepId);
    if (!submission || !step) throw notFound();
    return { submission, step, rows };
  }

  private async phaseOf(em: EntityManager, projectId: string, phaseKey: string): Promise<{ id: string; key: PhaseKey }> {
    const row = await queryOneOrFail<{ id: string | null; key: PhaseKey | null; project: boolean }>(
      em,
      `SELECT (SELECT id FROM project_phase WHERE project_id = $1 AND phase_key = $2) AS id, $2::text AS key,
              EXISTS (SELECT 1 FROM project WHERE id = $1) AS project`,
      [projectId, phaseKey],
    );
    if (!row.project) throw new DomainError('PROJECT_NOT_FOUND', `There is no project with id ${projectId}.`);
    if (!row.id || !row.key)
      throw new DomainError(
        'PHASE_NOT_FOUND',
        `The project has no phase "${phaseKey}"; phases are forstudie, forprosjekt and hovedprosjekt.`,
      );
    return { id: row.id, key: row.key };
  }
}

function stepLike(r: CaseStepRecord) {
  return {
    id: r.id,
    position: r.position,
    decides: r.decides,
    handledAt: r.handled_at === null ? null : new Date(r.handled_at).toISOString(),
  };
}

function toStepDtos(rows: CaseStepRecord[]): CaseStepDto[] {
  const current = currentStep(rows.map(stepLike));
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    bodyId: r.body_id,
    bodyName: r.body_name,
    bodyKind: r.body_kind,
    decides: r.decides,
    current: current?.id === r.id,
    meetingDate: r.meeting_date,
    caseNumber: r.case_number,
    recommendedOutcome: r.recommended_outcome,
    recommendation: r.recommendation,
    minutesFile:
      r.file_id === null
        ? null
        : mapFile({
            id: r.file_id,
            filename: r.filename ?? '',
            content_type: r.content_type ?? '',
            size_bytes: r.size_bytes ?? 0,
            uploaded_at: new Date(r.uploaded_at ?? 0),
          }),
    handledBy: r.handled_by,
    handledAt: r.handled_at === null ? null : new Date(r.handled_at).toISOString(),
  }));
}

function decidersDto(rows: readonly DeciderRecord[]): CaseRouteDecidersDto {
  const of = (k: PhaseKey) => rows.find((d) => d.phase_key === k)?.body_id ?? null;
  return { forstudie: of('forstudie'), forprosjekt: of('forprosjekt'), hovedprosjekt: of('hovedprosjekt') };
}

/** A fingerprint of the stored route: changes whenever a body or a decider does. */
function routeVersion(bodies: readonly RegionBodyRecord[], deciders: readonly DeciderRecord[]): string {
  const text = JSON.stringify([
    bodies.map((b) => [b.id, b.name, b.kind, b.position, b.is_owner]),
    deciders.map((d) => [d.phase_key, d.body_id]),
  ]);
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Refuses a route that breaks a rule, naming the field (400) or the rule (422). */
function checkRoute(dto: SaveCaseRouteDto, stored: readonly RegionBodyRecord[]): void {
  const fields: FieldError[] = [];
  const seenNames = new Map<string, number>();
  const seenIds = new Set<string>();
  const seenGates = new Map<string, number>();
  dto.bodies.forEach((b, i) => {
    const name = b.name.toLocaleLowerCase('nb');
    if (seenNames.has(name)) {
      fields.push({
        field: `bodies[${i}].name`,
        messages: [`bodies[${i}].name "${b.name}" is already the name of bodies[${seenNames.get(name)}]`],
      });
    } else seenNames.set(name, i);
    if (b.id !== undefined) {
      if (!stored.some((s) => s.id === b.id))
        fields.push({ field: `bodies[${i}].id`, messages: [`bodies[${i}].id is not a body of this region; leave it out for a new body`] });
      else if (seenIds.has(b.id)) fields.push({ field: `bodies[${i}].id`, messages: [`bodies[${i}].id names the same body twice`] });
      seenIds.add(b.id);
    }
    for (const g of b.decidesGates) {
      if (seenGates.has(g)) {
        fields.push({
          field: `bodies[${i}].decidesGates`,
          messages: [
            `bodies[${i}].decidesGates: the ${g} gate is already decided by bodies[${seenGates.get(g)}]; one body decides each gate`,
          ],
        });
      } else seenGates.set(g, i);
    }
  });
  const owners = dto.bodies.map((b, i) => (b.isOwner ? i : -1)).filter((i) => i >= 0);
  for (const i of owners.slice(1)) {
    fields.push({
      field: `bodies[${i}].isOwner`,
      messages: [`bodies[${i}].isOwner: only one body is the owner (bodies[${owners[0]}] is)`],
    });
  }
  if (fields.length) throw new DomainError('VALIDATION_FAILED', fields.flatMap((f) => f.messages).join('; '), fields);
  if (dto.bodies.length > 0 && owners.length === 0) {
    throw new DomainError(
      'CASE_ROUTE_NO_OWNER',
      'Mark one body as the project owner (prosjekteier): it decides every gate it has not delegated to another body.',
    );
  }
}
