import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canOnProject, nextPhaseKey, phaseSpec, RoleAssignment, todayInOslo } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { execute, queryOne } from '../database/sql';
import { checkUpload, UploadedFileLike } from '../files/file-validation';
import { FileContent, FileService, mapFile } from '../files/file.service';
import { PlanService } from '../plans/plan.service';
import { ChangeRecord, ProjectChanges } from '../projects/project-changes';
import { findPhase, loadProject, phaseReadiness, PhaseRow, ProjectAggregate } from '../projects/project-queries';
import { CheckpointDto, DecisionDto, GateDto, RecordDecisionDto, SetCheckpointDto, SubmissionDto, SubmitGateDto } from './gate.dto';
import { DecisionColumns, findGateCheckpoints, findGateSubmissions, GateCheckpointRecord, GateSubmissionRecord } from './gate.queries';

@Injectable()
export class GateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileService,
    private readonly plans: PlanService,
    private readonly changes: ProjectChanges,
  ) {}

  async get(projectId: string, phaseKey: string, roles: readonly RoleAssignment[], em: EntityManager = this.db.manager): Promise<GateDto> {
    const project = await loadProject(em, projectId);
    const phase = findPhase(project, phaseKey);
    const spec = phaseSpec(phase.key);
    const checkpoints = await findGateCheckpoints(em, phase.id);
    const submissions = await findGateSubmissions(em, phase.id);
    const scope = { id: project.id, regionId: project.regionId };
    const active = project.status === 'active';
    return {
      projectId,
      phaseKey: phase.key,
      phaseState: phase.state,
      readiness: phaseReadiness(project, phase),
      checkpoints: spec.checkpoints.map((c) =>
        toCheckpointDto(
          c.key,
          checkpoints.find((r) => r.checkpoint_key === c.key),
        ),
      ),
      submissions: submissions.map(toSubmissionDto),
      pendingSubmissionId: phase.state === 'awaiting_decision' ? (submissions.find((s) => s.decision_id === null)?.id ?? null) : null,
      permissions: {
        submit: active && phase.state === 'in_progress' && canOnProject(roles, scope, 'submit'),
        decide: active && phase.state === 'awaiting_decision' && canOnProject(roles, scope, 'decide'),
      },
    };
  }

  async setCheckpoint(
    projectId: string,
    phaseKey: string,
    checkpointKey: string,
    dto: SetCheckpointDto,
    actor: Principal,
  ): Promise<GateDto> {
    await this.inPhase(projectId, phaseKey, actor, async (tx, _project, phase) => {
      if (!phaseSpec(phase.key).checkpoints.some((c) => c.key === checkpointKey)) {
        throw new DomainError('NOT_FOUND', `The ${phase.key} gate has no checkpoint "${checkpointKey}".`);
      }
      assertInProgress(phase);
      const before = phase.checkpoints.find((c) => c.key === checkpointKey)?.checked ?? false;
      await execute(
        tx,
        `INSERT INTO gate_checkpoint (phase_id, checkpoint_key, checked, comment, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (phase_id, checkpoint_key) DO UPDATE SET checked = EXCLUDED.checked, comment = EXCLUDED.comment, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [phase.id, checkpointKey, dto.checked, dto.comment?.trim() || null, actor.userId],
      );
      return [
        {
          action: 'gate.checkpoint_set',
          entityType: 'gate',
          entityId: `${phase.key}/${checkpointKey}`,
          before: { checked: before },
          after: { checked: dto.checked, comment: dto.comment ?? null },
        },
      ];
    });
    return this.get(projectId, phaseKey, actor.roles);
  }

  /** The project leader sends the phase to the regionråd; only a ready phase can go. */
  async submit(projectId: string, phaseKey: string, dto: SubmitGateDto, actor: Principal): Promise<GateDto> {
    await this.inPhase(projectId, phaseKey, actor, async (tx, project, phase) => {
      assertInProgress(phase);
      const readiness = phaseReadiness(project, phase);
      if (!readiness.ready) {
        const missing = readiness.items.filter((i) => i.blocking && i.status !== 'ok');
        throw new DomainError(
          'GATE_NOT_READY',
          `The ${phase.key} is not ready for decision: ${missing.length} item(s) on the checklist are missing (${missing.map((m) => m.key).join(', ')}).`,
        );
      }
      const s = await insertedId(
        tx,
        `INSERT INTO gate_submission (phase_id, submitted_by, note, readiness) VALUES ($1, $2, $3, $4) RETURNING id`,
        [phase.id, actor.userId, dto.note?.trim() || null, JSON.stringify(readiness)],
      );
      await setPhaseState(tx, phase, 'awaiting_decision');
      return [
        {
          action: 'gate.submitted',
          entityType: 'gate',
          entityId: phase.key,
          before: { state: phase.state },
          after: { state: 'awaiting_decision', submissionId: s.id, note: dto.note ?? null },
        },
      ];
    });
    return this.get(projectId, phaseKey, actor.roles);
  }

  /**
   * The regionråd's vedtak. Approval completes the phase and starts the next in the same transaction;
   * sending back reopens the phase; stopping ends the project. A gate is decided once per submission.
   */
  async decide(projectId: string, phaseKey: string, dto: RecordDecisionDto, actor: Principal): Promise<GateDto> {
    if (dto.outcome === 'approved_with_conditions' && !dto.conditions?.trim()) {
      throw new DomainError('VALIDATION_FAILED', 'Write the conditions when approving with conditions.', [
        { field: 'conditions', messages: ['conditions is required for approved_with_conditions'] },
      ]);
    }
    if (dto.meetingDate > todayInOslo()) {
      throw new DomainError(
        'INVALID_PERIOD',
        `The meeting date ${dto.meetingDate} is in the future; record the decision after the meeting.`,
      );
    }
    await this.inPhase(projectId, phaseKey, actor, async (tx, project, phase) => {
      const submission = await queryOne<{ id: string; decision_id: string | null }>(
        tx,
        `SELECT s.id, d.id AS decision_id FROM gate_submission s LEFT JOIN gate_decision d ON d.submission_id = s.id WHERE s.id = $1 AND s.phase_id = $2`,
        [dto.submissionId, phase.id],
      );
      if (!submission) throw new DomainError('NOT_FOUND', `The ${phase.key} gate has no submission with id ${dto.submissionId}.`);
      if (submission.decision_id)
        throw new DomainError('GATE_ALREADY_DECIDED', 'The regionråd has already decided on this submission. Reload to see the decision.');
      if (phase.state !== 'awaiting_decision')
        throw new DomainError(
          'GATE_NOT_AWAITING_DECISION',
          `The ${phase.key} is not waiting for a decision (it is ${phase.state.replace('_', ' ')}).`,
        );
      if (phase.actualStart && dto.meetingDate < phase.actualStart) {
        throw new DomainError(
          'INVALID_PERIOD',
          `The meeting date ${dto.meetingDate} is before the ${phase.key} began (${phase.actualStart}).`,
        );
      }
      const decision = await insertedId(
        tx,
        `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          submission.id,
          phase.id,
          dto.outcome,
          dto.meetingDate,
          dto.caseNumber,
          dto.decisionText,
          dto.outcome === 'approved_with_conditions' ? dto.conditions?.trim() : dto.conditions?.trim() || null,
          actor.userId,
        ],
      );
      const decided: ChangeRecord = {
        action: `gate.${dto.outcome}`,
        entityType: 'gate',
        entityId: phase.key,
        after: {
          decisionId: decision.id,
          outcome: dto.outcome,
          meetingDate: dto.meetingDate,
          caseNumber: dto.caseNumber,
          decisionText: dto.decisionText,
          conditions: dto.conditions ?? null,
        },
      };
      return [decided, ...(await this.applyDecision(tx, actor, project, phase, dto))];
    });
    return this.get(projectId, phaseKey, actor.roles);
  }

  async attachMinutes(
    projectId: string,
    phaseKey: string,
    decisionId: string,
    upload: UploadedFileLike | undefined,
    actor: Principal,
  ): Promise<GateDto> {
    const file = await checkUpload(upload);
    // Minutes often arrive after the meeting, also for the decision that ended the project.
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const phase = findPhase(await locked.aggregate(), phaseKey);
      const d = await queryOne<{ id: string; minutes_file_id: string | null }>(
        tx,
        `SELECT id, minutes_file_id FROM gate_decision WHERE id = $1 AND phase_id = $2 FOR UPDATE`,
        [decisionId, phase.id],
      );
      if (!d) throw new DomainError('DECISION_NOT_FOUND', `The ${phase.key} gate has no decision with id ${decisionId}.`);
      const stored = await this.files.store(tx, file, actor.userId);
      await execute(tx, `UPDATE gate_decision SET minutes_file_id = $2 WHERE id = $1`, [d.id, stored.id]);
      // Only this decision's own previous minutes are removed.
      if (d.minutes_file_id) await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [d.minutes_file_id]);
      return {
        history: {
          action: 'gate.minutes_attached',
          entityType: 'gate',
          entityId: phase.key,
          after: { decisionId, filename: stored.filename },
        },
      };
    });
    return this.get(projectId, phaseKey, actor.roles);
  }

  async readMinutes(projectId: string, phaseKey: string, decisionId: string): Promise<FileContent> {
    const project = await loadProject(this.db.manager, projectId);
    const phase = findPhase(project, phaseKey);
    const d = await queryOne<{ minutes_file_id: string | null }>(
      this.db,
      `SELECT minutes_file_id FROM gate_decision WHERE id = $1 AND phase_id = $2`,
      [decisionId, phase.id],
    );
    if (!d?.minutes_file_id) throw new DomainError('FILE_NOT_FOUND', 'This decision has no minutes attached.');
    return this.files.read(d.minutes_file_id);
  }

  private async applyDecision(
    tx: EntityManager,
    actor: Principal,
    project: ProjectAggregate,
    phase: PhaseRow,
    dto: RecordDecisionDto,
  ): Promise<ChangeRecord[]> {
    switch (dto.outcome) {
      case 'approved':
      case 'approved_with_conditions': {
        await setPhaseState(tx, phase, 'completed', dto.meetingDate);
        const nextKey = nextPhaseKey(phase.key);
        if (nextKey) {
          const next = findPhase(project, nextKey);
          const frozen = await this.plans.freezeApproved(tx, next.id, actor.userId);
          await execute(
            tx,
            `UPDATE project_phase SET state = 'in_progress', actual_start = $2, version = version + 1, updated_at = now() WHERE id = $1`,
            [next.id, dto.meetingDate],
          );
          return [
            ...(frozen ? [{ action: 'plan.approved', entityType: 'plan', entityId: nextKey, after: { number: frozen } } as const] : []),
            {
              action: 'phase.started',
              entityType: 'phase',
              entityId: nextKey,
              before: { state: next.state },
              after: { state: 'in_progress', actualStart: dto.meetingDate },
            },
          ];
        }
        await setProjectStatus(tx, project, 'completed');
        return [
          {
            action: 'project.completed',
            entityType: 'project',
            entityId: project.id,
            before: { status: project.status },
            after: { status: 'completed' },
          },
        ];
      }
      case 'sent_back':
        await setPhaseState(tx, phase, 'in_progress');
        return [];
      case 'stopped':
        await setPhaseState(tx, phase, 'stopped', dto.meetingDate);
        await setProjectStatus(tx, project, 'stopped');
        return [
          {
            action: 'project.stopped',
            entityType: 'project',
            entityId: project.id,
            before: { status: project.status },
            after: { status: 'stopped' },
          },
        ];
    }
  }

  /** Runs one change to an active project's gate through the project's unit of work. */
  private async inPhase(
    projectId: string,
    phaseKey: string,
    actor: Principal,
    work: (tx: EntityManager, project: ProjectAggregate, phase: PhaseRow) => Promise<ChangeRecord[]>,
  ): Promise<void> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const project = await locked.aggregate();
        return { history: await work(tx, project, findPhase(project, phaseKey)) };
      },
      { activeOnly: 'its gates are closed' },
    );
  }
}

function toCheckpointDto(key: string, row: GateCheckpointRecord | undefined): CheckpointDto {
  return {
    key,
    checked: row?.checked ?? false,
    comment: row?.comment ?? null,
    updatedBy: row?.updated_by ?? null,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
  };
}

function toSubmissionDto(s: GateSubmissionRecord): SubmissionDto {
  return {
    id: s.id,
    submittedAt: new Date(s.submitted_at).toISOString(),
    submittedBy: s.submitted_by,
    note: s.note,
    readiness: s.readiness,
    decision: toDecisionDto(s),
  };
}

function toDecisionDto(d: DecisionColumns): DecisionDto | null {
  if (d.decision_id === null) return null;
  return {
    id: d.decision_id,
    outcome: d.outcome,
    meetingDate: d.meeting_date,
    caseNumber: d.case_number,
    decisionText: d.decision_text,
    conditions: d.conditions,
    decidedBy: d.decided_by,
    decidedAt: new Date(d.decided_at).toISOString(),
    minutesFile:
      d.file_id === null
        ? null
        : mapFile({
            id: d.file_id,
            filename: d.filename,
            content_type: d.content_type,
            size_bytes: d.size_bytes,
            uploaded_at: d.uploaded_at,
          }),
  };
}

/** The id an INSERT … RETURNING id answers. */
async function insertedId(tx: EntityManager, sql: string, params: readonly unknown[]): Promise<{ id: string }> {
  const row = await queryOne<{ id: string }>(tx, sql, params);
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  return row;
}

function assertInProgress(phase: PhaseRow): void {
  if (phase.state !== 'in_progress') {
    throw new DomainError(
      'INVALID_STATE',
      `The ${phase.key} is ${phase.state.replace('_', ' ')}; this can only be done while it is in progress.`,
    );
  }
}

async function setPhaseState(tx: EntityManager, phase: PhaseRow, state: PhaseRow['state'], actualEnd?: string): Promise<void> {
  await execute(
    tx,
    `UPDATE project_phase SET state = $2, actual_end = coalesce($3, actual_end), version = version + 1, updated_at = now() WHERE id = $1`,
    [phase.id, state, actualEnd ?? null],
  );
}

async function setProjectStatus(tx: EntityManager, project: ProjectAggregate, status: 'completed' | 'stopped'): Promise<void> {
  await execute(tx, `UPDATE project SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, [project.id, status]);
}
