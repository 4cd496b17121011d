import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  canOnProject,
  kommuneCaseOpen,
  DEFAULT_KOMMUNE_DEADLINE_DAYS,
  draftProposedDecision,
  kommunerContribution,
  nextPhaseKey,
  packageChanges,
  phaseSpec,
  RoleAssignment,
  splitConditions,
  todayInOslo,
  type BudgetLine,
  type DecisionOutcome,
  type GatePackage,
  type ReopenRequest,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CaseRouteService } from '../case-route/case-route.service';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { checkUpload, UploadedFileLike } from '../files/file-validation';
import { FileContent, FileService, mapFile } from '../files/file.service';
import { KommuneCaseService } from '../kommune-cases/kommune-case.service';
import { kommuneLeavesProject } from '../kommune-cases/kommune-leave';
import { GateContext, GateNotifier } from '../notifications/gate-notifier';
import { PlanService, readBudget } from '../plans/plan.service';
import { ChangeRecord, expectVersion, ProjectChanges } from '../projects/project-changes';
import { findPhase, loadProject, phaseReadiness, PhaseRow, ProjectAggregate } from '../projects/project-queries';
import {
  CheckpointDto,
  ConditionDto,
  ConditionItemDto,
  DecisionDto,
  GateDto,
  ProposedDecisionDto,
  RecordDecisionDto,
  SetCheckpointDto,
  SubmissionDto,
  SubmitGateDto,
  UpdateConditionDto,
} from './gate.dto';
import {
  DecisionColumns,
  findGateCheckpoints,
  findGateCondition,
  findGateConditions,
  findGateSubmissions,
  GateCheckpointRecord,
  GateConditionRecord,
  GateSubmissionRecord,
} from './gate.queries';

/** The deciding body's name when a region has no bodies of its own. */
const FALLBACK_BODY = 'Regionrådet';

@Injectable()
export class GateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: FileService,
    private readonly plans: PlanService,
    private readonly changes: ProjectChanges,
    private readonly caseRoute: CaseRouteService,
    private readonly kommuneCases: KommuneCaseService,
    private readonly notifier: GateNotifier,
  ) {}

  /** The gate as `roles` see it; `userId` (who asks) lets a condition's owner mark their own condition met. */
  async get(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    em: EntityManager = this.db.manager,
    userId: string | null = null,
  ): Promise<GateDto> {
    const project = await loadProject(em, projectId);
    const phase = findPhase(project, phaseKey);
    const spec = phaseSpec(phase.key);
    const checkpoints = await findGateCheckpoints(em, phase.id);
    const submissions = await findGateSubmissions(em, phase.id);
    const conditions = await findGateConditions(em, phase.id);
    const newest = submissions[0] ?? null;
    const scope = { id: project.id, regionId: project.regionId };
    const can = (action: Parameters<typeof canOnProject>[2]) => canOnProject(roles, scope, action);
    const active = project.status === 'active';
    const awaiting = active && phase.state === 'awaiting_decision';
    const pending = phase.state === 'awaiting_decision' ? (submissions.find((s) => s.decision_id === null) ?? null) : null;
    const kommuneCases = newest ? await this.kommuneCases.forSubmission(em, newest.id) : null;
    // Conditions are followed up while the phase following them up is in progress.
    const followedUp = (c: GateConditionRecord) => project.phases.find((p) => p.id === c.phase_id)?.state === 'in_progress';
    const openHere = conditions.filter((c) => c.state === 'open' && followedUp(c));
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
      submissions: submissions.map((s) => toSubmissionDto(s, conditions)),
      pendingSubmissionId: pending?.id ?? null,
      caseRoute: newest ? await this.caseRoute.steps(em, newest.id) : [],
      kommuneCases,
      conditions: conditions.map(toConditionDto),
      proposedDecision: newest?.proposed_decision ?? null,
      changesSinceLast: submissions.length > 1 ? packageChanges(submissions[1].package, submissions[0].package) : [],
      permissions: {
        submit: active && phase.state === 'in_progress' && can('submit'),
        decide: awaiting && can('decide'),
        handleStep: awaiting && can('decide'),
        // The one rule for when a kommune case takes a decision (shared with the kommune-case service).
        recordKommune:
          can('record_kommune') &&
          kommuneCases !== null &&
          newest !== null &&
          kommuneCaseOpen({ projectStatus: project.status, phaseState: phase.state, decision: newest.outcome ?? null }),
        editProposedDecision: awaiting && pending !== null && can('decide'),
        resolveConditions: active && openHere.some((c) => can('edit') || (userId !== null && c.owner_user_id === userId)),
        waiveConditions: active && conditions.some(followedUp) && can('decide'),
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
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  /**
   * The project leader sends the phase to its owner as one package: the deliverables (drafts with text or
   * a file are submitted with it), the next phase's plan frozen as the submitted version, its budget. The
   * case starts on the region's route, the kommuner get their cases, and the secretariat is told.
   */
  async submit(projectId: string, phaseKey: string, dto: SubmitGateDto, actor: Principal): Promise<GateDto> {
    const today = todayInOslo();
    if (dto.kommuneDeadline !== undefined && dto.kommuneDeadline !== null && dto.kommuneDeadline <= today) {
      const message = `The kommunestyrer’s deadline ${dto.kommuneDeadline} must be after today (${today}).`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'kommuneDeadline', messages: [message] }]);
    }
    const deadline = dto.kommuneDeadline ?? addDays(today, DEFAULT_KOMMUNE_DEADLINE_DAYS);
    await this.inPhase(projectId, phaseKey, actor, async (tx, project, phase) => {
      assertInProgress(phase);
      const readiness = phaseReadiness(project, phase);
      if (!readiness.ready) {
        const missing = readiness.items.filter((i) => i.blocking && i.status !== 'ok');
        throw new DomainError(
          'GATE_NOT_READY',
          `The ${phase.key} is not ready for decision: ${missing.length} item(s) on the checklist are missing (${missing.map((m) => m.key).join(', ')}).`,
        ).withParams({ missing: missing.length });
      }
      const history: ChangeRecord[] = [];
      // Drafts with text or a file go in with the package; the plan deliverable is the plan itself.
      const planKey = phaseSpec(phase.key).deliverables.find((d) => d.nextPhasePlan)?.key ?? null;
      const toSubmit = phase.deliverables.filter(
        (d) => (d.state === 'draft' && (d.hasContent || d.fileCount > 0)) || (d.key === planKey && d.state === 'draft'),
      );
      for (const d of toSubmit) {
        await execute(tx, `UPDATE deliverable SET state = 'submitted', version = version + 1, updated_at = now() WHERE id = $1`, [d.id]);
        history.push({
          action: 'deliverable.submitted',
          entityType: 'deliverable',
          entityId: d.id,
          before: { title: d.title, state: d.state },
          after: { title: d.title, state: 'submitted', withGate: true },
        });
      }
      const next = project.phases.find((p) => p.position === phase.position + 1) ?? null;
      const frozen = next ? await this.plans.freezeSubmitted(tx, next.id, actor.userId) : null;
      const budgetLines = next ? (await readBudget(tx, next.id)).lines : [];
      const pkg: GatePackage = {
        deliverables: await queryRows<GatePackage['deliverables'][number]>(
          tx,
          `SELECT id, catalogue_key AS key, title, version, state FROM deliverable WHERE phase_id = $1 ORDER BY required DESC, title`,
          [phase.id],
        ),
        plan: next ? { snapshotNumber: frozen?.number ?? null, missing: next.plan?.missing ?? 0, version: frozen?.version ?? 0 } : null,
        budget: next ? { costs: next.budget.costs, financing: next.budget.financing } : null,
      };
      const s = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO gate_submission (phase_id, submitted_by, note, readiness, package) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [phase.id, actor.userId, dto.note?.trim() || null, JSON.stringify(readiness), JSON.stringify(pkg)],
      );
      await setPhaseState(tx, phase, 'awaiting_decision');
      const steps = await this.caseRoute.openCase(tx, { submissionId: s.id, regionId: project.regionId, phaseKey: phase.key });
      const decider = steps.find((x) => x.decides) ?? steps[steps.length - 1];
      const proposed = draftProposedDecision({
        bodyName: decider?.bodyName ?? FALLBACK_BODY,
        phaseKey: phase.key,
        nextPhaseKey: next?.key ?? null,
        costs: next?.budget.costs ?? null,
        kommunerContribution: kommunerContribution(budgetLines as BudgetLine[]),
      });
      await execute(tx, `UPDATE gate_submission SET proposed_decision = $2 WHERE id = $1`, [s.id, proposed]);
      const opened = await this.kommuneCases.openCases(tx, {
        submissionId: s.id,
        projectId: project.id,
        nextPhaseId: next?.id ?? null,
        deadline,
      });
      const ctx: GateContext = { projectId: project.id, phaseKey: phase.key, submissionId: s.id, actorId: actor.userId };
      const first = steps[0];
      await this.notifier.submitted(tx, ctx, { stepId: first?.id ?? '', bodyName: first?.bodyName ?? FALLBACK_BODY });
      if (opened > 0) await this.notifier.kommuneCasesOpened(tx, ctx, deadline);
      history.unshift({
        action: 'gate.submitted',
        entityType: 'gate',
        entityId: phase.key,
        before: { state: phase.state },
        after: {
          state: 'awaiting_decision',
          submissionId: s.id,
          note: dto.note ?? null,
          planVersion: frozen?.number ?? null,
          kommuneCases: opened,
          kommuneDeadline: opened > 0 ? deadline : null,
        },
      });
      return history;
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  /**
   * The secretariat edits the proposed decision (forslag til vedtak) of the submission awaiting decision. It
   * is the administration's innstilling: the project leader's words go in the submission's note.
   */
  async setProposedDecision(projectId: string, phaseKey: string, dto: ProposedDecisionDto, actor: Principal): Promise<GateDto> {
    await this.inPhase(projectId, phaseKey, actor, async (tx, project, phase) => {
      if (!canOnProject(actor.roles, project, 'decide')) {
        throw new DomainError(
          'FORBIDDEN',
          'Only the secretariat of the owner can edit the proposed decision once the phase is submitted; the project leader’s words go in the submission’s note.',
        );
      }
      assertAwaitingDecision(phase);
      const s = await queryOne<{ id: string; proposed_decision: string | null; decided: boolean }>(
        tx,
        `SELECT s.id, s.proposed_decision, EXISTS (SELECT 1 FROM gate_decision d WHERE d.submission_id = s.id) AS decided
           FROM gate_submission s WHERE s.id = $1 AND s.phase_id = $2 FOR UPDATE OF s`,
        [dto.submissionId, phase.id],
      );
      if (!s) throw new DomainError('SUBMISSION_NOT_FOUND', `The ${phase.key} gate has no submission with id ${dto.submissionId}.`);
      if (s.decided)
        throw new DomainError('GATE_ALREADY_DECIDED', 'This submission has been decided; its proposed decision is kept as it was.');
      await execute(tx, `UPDATE gate_submission SET proposed_decision = $2 WHERE id = $1`, [s.id, dto.text]);
      return [
        {
          action: 'gate.proposed_decision_set',
          entityType: 'gate',
          entityId: phase.key,
          before: { text: s.proposed_decision },
          after: { submissionId: s.id, text: dto.text },
        },
      ];
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  /**
   * The owner's vedtak, recorded by the body that decides once the bodies before it have handled the
   * case. Approval accepts the package, sets its conditions to be followed up, lets kommuner that said no
   * leave, completes the phase and starts the next; sending back returns what the decision names;
   * stopping ends the project. A gate is decided once per submission.
   */
  async decide(projectId: string, phaseKey: string, dto: RecordDecisionDto, actor: Principal): Promise<GateDto> {
    const conditions = conditionsOf(dto);
    if (dto.reopen && dto.outcome !== 'sent_back') {
      throw new DomainError('VALIDATION_FAILED', 'Only a send-back reopens work; leave out reopen for this outcome.', [
        { field: 'reopen', messages: ['reopen is only for sent_back'] },
      ]);
    }
    if (dto.meetingDate > todayInOslo()) {
      throw new DomainError(
        'INVALID_PERIOD',
        `The meeting date ${dto.meetingDate} is in the future; record the decision after the meeting.`,
      );
    }
    await this.changes.run(projectId, actor, async (tx, locked) => {
      const project = await locked.aggregate();
      const phase = findPhase(project, phaseKey);
      // First what state the phase is in: only a submitted phase has a gate to decide.
      assertAwaitingDecision(phase);
      if (project.status !== 'active') throw new DomainError('INVALID_STATE', `The project is ${project.status}; its gates are closed.`);
      const submission = await queryOne<{ id: string; decision_id: string | null; submitted_on: string }>(
        tx,
        `SELECT s.id, d.id AS decision_id, to_char(s.submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS submitted_on
           FROM gate_submission s LEFT JOIN gate_decision d ON d.submission_id = s.id WHERE s.id = $1 AND s.phase_id = $2`,
        [dto.submissionId, phase.id],
      );
      if (!submission)
        throw new DomainError('SUBMISSION_NOT_FOUND', `The ${phase.key} gate has no submission with id ${dto.submissionId}.`);
      if (submission.decision_id)
        throw new DomainError('GATE_ALREADY_DECIDED', 'The owner has already decided on this submission. Reload to see the decision.');
      if (phase.actualStart && dto.meetingDate < phase.actualStart) {
        throw new DomainError(
          'INVALID_PERIOD',
          `The meeting date ${dto.meetingDate} is before the ${phase.key} began (${phase.actualStart}).`,
        );
      }
      if (dto.meetingDate < submission.submitted_on) {
        const message = `The meeting date ${dto.meetingDate} is before the ${phase.key} was submitted (${submission.submitted_on}); the owner decides on a package after it was submitted.`;
        throw new DomainError('INVALID_PERIOD', message, [{ field: 'meetingDate', messages: [message] }]);
      }
      if (conditions && nextPhaseKey(phase.key) === null) {
        throw new DomainError(
          'CONDITIONS_ON_LAST_GATE',
          `The ${phase.key} is the last phase: no phase follows in which conditions could be followed up. Approve without conditions, or send the package back with what must be done.`,
        );
      }
      if (isApproval(dto.outcome)) await assertSomeKommuneContinues(tx, submission.id);
      if (conditions) await checkOwners(tx, project, conditions.items);
      const step = await this.caseRoute.decidingStep(tx, submission.id);
      const reopen = dto.outcome === 'sent_back' ? await this.checkReopen(tx, project, phase, dto.reopen) : null;
      const decision = await queryOneOrFail<{ id: string }>(
        tx,
        `INSERT INTO gate_decision (submission_id, phase_id, outcome, meeting_date, case_number, decision_text, conditions, decided_by, step_id, body_name, reopened)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          submission.id,
          phase.id,
          dto.outcome,
          dto.meetingDate,
          dto.caseNumber,
          dto.decisionText,
          conditions?.text ?? (dto.conditions?.trim() || null),
          actor.userId,
          step.id || null,
          step.bodyName,
          reopen ? JSON.stringify(reopen) : null,
        ],
      );
      await this.caseRoute.markDecided(tx, step.id, { meetingDate: dto.meetingDate, caseNumber: dto.caseNumber }, actor.userId);
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
          conditions: conditions?.text ?? dto.conditions ?? null,
          bodyName: step.bodyName,
          ...(reopen ? { reopened: reopen } : {}),
        },
      };
      const applied = await this.applyDecision(tx, actor, project, phase, dto, {
        decisionId: decision.id,
        submissionId: submission.id,
        conditions,
        reopen,
      });
      await this.notifier.decided(
        tx,
        { projectId: project.id, phaseKey: phase.key, submissionId: submission.id, actorId: actor.userId },
        { decisionId: decision.id, outcome: dto.outcome, bodyName: step.bodyName },
      );
      return { history: [decided, ...applied] };
    });
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  /**
   * Marks a condition met (the project team or the condition's owner, with a note or a file), waived (the
   * owner body, with a note) or open again (the owner body); only while the phase following it up is in progress.
   */
  async updateCondition(
    projectId: string,
    phaseKey: string,
    conditionId: string,
    dto: UpdateConditionDto,
    actor: Principal,
  ): Promise<GateDto> {
    await this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const project = await locked.aggregate();
        const phase = findPhase(project, phaseKey);
        const c = await findGateCondition(tx, phase.id, conditionId, true);
        if (!c) throw conditionNotFound(phase.key, conditionId);
        const scope = { id: locked.id, regionId: locked.regionId };
        const note = dto.note?.trim() || null;
        switch (dto.state) {
          case 'met':
            if (!canOnProject(actor.roles, scope, 'edit') && c.owner_user_id !== actor.userId)
              throw new DomainError('FORBIDDEN', 'Only the project leader, the team and the condition’s owner can mark a condition met.');
            assertConditionOpenToChange(project, c);
            if (c.state === 'waived')
              throw new DomainError(
                'INVALID_STATE',
                'The owner has waived this condition; it needs nothing more. Ask the owner to reopen it if it must be met after all.',
              );
            if (!note && !c.file_id)
              throw new DomainError(
                'CONDITION_NEEDS_EVIDENCE',
                'Say how the condition was met, or attach a file that shows it, before you mark it met.',
              );
            break;
          case 'waived':
            if (!canOnProject(actor.roles, scope, 'decide'))
              throw new DomainError('FORBIDDEN', 'Only the owner (the regionråd) can waive a condition it set.');
            assertConditionOpenToChange(project, c);
            if (!note)
              throw new DomainError('VALIDATION_FAILED', 'Say why the condition is waived.', [
                { field: 'note', messages: ['note is required when waiving a condition'] },
              ]);
            break;
          case 'open':
            if (!canOnProject(actor.roles, scope, 'decide'))
              throw new DomainError('FORBIDDEN', 'Only the owner (the regionråd) can reopen a condition.');
            assertConditionOpenToChange(project, c);
            if (c.state === 'open') throw new DomainError('INVALID_STATE', 'The condition is already open.');
            break;
        }
        expectVersion('condition', dto.version, c.version);
        await execute(
          tx,
          `UPDATE gate_condition SET state = $2, resolution_note = $3,
                resolved_by = CASE WHEN $2 = 'open' THEN NULL ELSE $4::uuid END,
                resolved_at = CASE WHEN $2 = 'open' THEN NULL ELSE now() END,
                version = version + 1
          WHERE id = $1`,
          [c.id, dto.state, dto.state === 'open' ? (note ?? c.resolution_note) : note, actor.userId],
        );
        const action =
          dto.state === 'met' ? 'gate.condition_met' : dto.state === 'waived' ? 'gate.condition_waived' : 'gate.condition_reopened';
        return {
          history: {
            action,
            entityType: 'gate',
            entityId: `${c.phase_key}/condition/${c.id}`,
            before: { text: c.text, state: c.state },
            after: { text: c.text, state: dto.state, note },
          },
        };
      },
      { activeOnly: 'its conditions are closed' },
    );
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  async attachConditionFile(
    projectId: string,
    phaseKey: string,
    conditionId: string,
    upload: UploadedFileLike | undefined,
    actor: Principal,
  ): Promise<GateDto> {
    const file = await checkUpload(upload);
    await this.changes.run(
      projectId,
      actor,
      async (tx, locked) => {
        const project = await locked.aggregate();
        const phase = findPhase(project, phaseKey);
        const c = await findGateCondition(tx, phase.id, conditionId, true);
        if (!c) throw conditionNotFound(phase.key, conditionId);
        if (!canOnProject(actor.roles, project, 'edit') && c.owner_user_id !== actor.userId)
          throw new DomainError(
            'FORBIDDEN',
            'Only the project leader, the team and the condition’s owner can attach evidence to a condition.',
          );
        assertConditionOpenToChange(project, c);
        if (c.state === 'waived') throw new DomainError('INVALID_STATE', 'The condition is waived; it needs no evidence.');
        const stored = await this.files.store(tx, file, actor.userId);
        await execute(tx, `UPDATE gate_condition SET file_id = $2, version = version + 1 WHERE id = $1`, [c.id, stored.id]);
        if (c.file_id) await execute(tx, `DELETE FROM stored_file WHERE id = $1`, [c.file_id]);
        return {
          history: {
            action: 'gate.condition_file_added',
            entityType: 'gate',
            entityId: `${c.phase_key}/condition/${c.id}`,
            after: { text: c.text, filename: stored.filename },
          },
        };
      },
      { activeOnly: 'its conditions are closed' },
    );
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  async readConditionFile(projectId: string, phaseKey: string, conditionId: string): Promise<FileContent> {
    const project = await loadProject(this.db.manager, projectId);
    const phase = findPhase(project, phaseKey);
    const c = await findGateCondition(this.db.manager, phase.id, conditionId);
    if (!c) throw conditionNotFound(phase.key, conditionId);
    if (!c.file_id) throw new DomainError('FILE_NOT_FOUND', 'This condition has no file attached.');
    return this.files.read(c.file_id);
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
    return this.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
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
    decided: { decisionId: string; submissionId: string; conditions: ConditionsInput | null; reopen: ReopenRequest | null },
  ): Promise<ChangeRecord[]> {
    switch (dto.outcome) {
      case 'approved':
      case 'approved_with_conditions': {
        const records: ChangeRecord[] = [];
        // Accepting the package accepts what is in it.
        const accepted = await queryRows<{ id: string; title: string }>(
          tx,
          `UPDATE deliverable SET state = 'accepted', version = version + 1, updated_at = now()
            WHERE phase_id = $1 AND state = 'submitted' RETURNING id, title`,
          [phase.id],
        );
        for (const d of accepted)
          records.push({
            action: 'deliverable.accepted',
            entityType: 'deliverable',
            entityId: d.id,
            before: { title: d.title, state: 'submitted' },
            after: { title: d.title, state: 'accepted', withGate: true },
          });
        await setPhaseState(tx, phase, 'completed', dto.meetingDate);
        const nextKey = nextPhaseKey(phase.key);
        const next = nextKey ? findPhase(project, nextKey) : null;
        if (decided.conditions) {
          for (const [i, item] of decided.conditions.items.entries()) {
            await execute(
              tx,
              `INSERT INTO gate_condition (decision_id, phase_id, position, text, owner_user_id, due_date) VALUES ($1, $2, $3, $4, $5, $6)`,
              [decided.decisionId, (next ?? phase).id, i, item.text, item.ownerUserId ?? null, item.dueDate ?? null],
            );
          }
        }
        records.push(...(await this.kommunerLeave(tx, project, decided.submissionId)));
        if (next) {
          const frozen = await this.plans.freezeApproved(tx, next.id, actor.userId);
          await execute(
            tx,
            `UPDATE project_phase SET state = 'in_progress', actual_start = $2, version = version + 1, updated_at = now() WHERE id = $1`,
            [next.id, dto.meetingDate],
          );
          return [
            ...records,
            ...(frozen ? [{ action: 'plan.approved', entityType: 'plan', entityId: next.key, after: { number: frozen } } as const] : []),
            {
              action: 'phase.started',
              entityType: 'phase',
              entityId: next.key,
              before: { state: next.state },
              after: { state: 'in_progress', actualStart: dto.meetingDate },
            },
          ];
        }
        await setProjectStatus(tx, project, 'completed');
        return [
          ...records,
          {
            action: 'project.completed',
            entityType: 'project',
            entityId: project.id,
            before: { status: project.status },
            after: { status: 'completed' },
          },
        ];
      }
      case 'sent_back': {
        await setPhaseState(tx, phase, 'in_progress');
        const ids = [...(decided.reopen?.deliverableIds ?? [])];
        // Plan sections or the budget to rework return the plan deliverable too: the gate is not ready again
        // until the leader submits the plan anew (which checks that it is complete).
        if (decided.reopen && (decided.reopen.planSections.length > 0 || decided.reopen.budget)) {
          const planKey = phaseSpec(phase.key).deliverables.find((d) => d.nextPhasePlan)?.key;
          const plan = phase.deliverables.find((d) => d.key === planKey && d.state !== 'not_required');
          if (plan && !ids.includes(plan.id)) ids.push(plan.id);
        }
        const returned = await queryRows<{ id: string; title: string; state: string }>(
          tx,
          `UPDATE deliverable d SET state = 'returned', review_comment = $3, version = d.version + 1, updated_at = now()
             FROM deliverable old WHERE old.id = d.id AND d.phase_id = $1 AND d.id = ANY($2::uuid[])
           RETURNING d.id, d.title, old.state`,
          [phase.id, ids, dto.decisionText],
        );
        return returned.map((d) => ({
          action: 'deliverable.returned',
          entityType: 'deliverable',
          entityId: d.id,
          before: { title: d.title, state: d.state },
          after: { title: d.title, state: 'returned', comment: dto.decisionText, withGate: true },
        }));
      }
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

  /** Kommuner whose kommunestyre said no leave the project when it goes on, but never the last one. */
  private async kommunerLeave(tx: EntityManager, project: ProjectAggregate, submissionId: string): Promise<ChangeRecord[]> {
    const records: ChangeRecord[] = [];
    for (const k of await this.kommuneCases.leaving(tx, submissionId)) {
      const left = await kommuneLeavesProject(tx, project.id, { id: k.kommuneId, name: k.kommuneName, submissionId });
      if (left) records.push(left);
    }
    return records;
  }

  /** What a send-back reopens, checked: this phase's deliverables, sections of the next phase's plan. */
  private async checkReopen(
    tx: EntityManager,
    project: ProjectAggregate,
    phase: PhaseRow,
    reopen: RecordDecisionDto['reopen'],
  ): Promise<ReopenRequest> {
    const request: ReopenRequest = {
      deliverableIds: reopen?.deliverableIds ?? [],
      planSections: reopen?.planSections ?? [],
      budget: reopen?.budget ?? false,
    };
    if (request.deliverableIds.length === 0 && request.planSections.length === 0 && !request.budget) {
      const message =
        'Name what must be redone: at least one deliverable, a section of the next phase’s plan, or its budget. A send-back that names nothing reopens nothing.';
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen', messages: [message] }]);
    }
    const unknown = request.deliverableIds.filter((id) => !phase.deliverables.some((d) => d.id === id));
    if (unknown.length) {
      const message = `The ${phase.key} has no deliverable with id ${unknown.join(', ')}; name deliverables of this phase or its plan for the next phase.`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.deliverableIds', messages: [message] }]);
    }
    const next = project.phases.find((p) => p.position === phase.position + 1);
    if (request.planSections.length || request.budget) {
      if (!next) {
        const message = `The ${phase.key} is the last phase; there is no plan or budget for a next phase to reopen.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.planSections', messages: [message] }]);
      }
      const keys = await this.plans.sectionKeys(tx, next.id, next.key);
      const bad = request.planSections.filter((s) => !keys.includes(s));
      if (bad.length) {
        const message = `The ${next.key} plan has no section ${bad.map((b) => `"${b}"`).join(', ')}; its sections are ${keys.join(', ')}.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.planSections', messages: [message] }]);
      }
    }
    return request;
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

/**
 * Each condition's owner must be someone who can act on the project: an active account with a role that
 * may read it (the team, the region's secretariat, advisers, kommune contacts); 400 naming the item otherwise.
 */
async function checkOwners(
  tx: EntityManager,
  project: { id: string; regionId: string },
  items: readonly ConditionItemDto[],
): Promise<void> {
  for (const [i, item] of items.entries()) {
    if (!item.ownerUserId) continue;
    const roles = await queryRows<{ role: RoleAssignment['role']; regionId: string | null; projectId: string | null }>(
      tx,
      `SELECT ra.role, ra.region_id AS "regionId", ra.project_id AS "projectId"
         FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE u.id = $1 AND u.active`,
      [item.ownerUserId],
    );
    if (!canOnProject(roles, project, 'read')) {
      const message = `The account ${item.ownerUserId} is not an active account with access to this project; choose the project leader, a team member or someone in the region who can follow up the condition.`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: `conditionItems[${i}].ownerUserId`, messages: [message] }]);
    }
  }
}

function isApproval(outcome: DecisionOutcome | null): boolean {
  return outcome === 'approved' || outcome === 'approved_with_conditions';
}

/** An approval needs at least one kommune to go on with: when every kommunestyre said no, stop or send back instead. */
async function assertSomeKommuneContinues(tx: EntityManager, submissionId: string): Promise<void> {
  const cases = await queryOne<{ total: number; no: number }>(
    tx,
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE outcome = 'no'))::int AS no FROM kommune_case WHERE submission_id = $1`,
    [submissionId],
  );
  if (cases && cases.total > 0 && cases.no === cases.total) {
    throw new DomainError(
      'ALL_KOMMUNER_SAID_NO',
      `All ${cases.total} kommunestyrer said no, so no kommune would finance the next phase; stop the project, or send the package back to be reworked.`,
    );
  }
}

/** An approval's conditions, one by one, and the text stored with the decision. */
interface ConditionsInput {
  items: ConditionItemDto[];
  text: string;
}

/**
 * The conditions a decision sets: the items as given, else one per line of the conditions text. Only an
 * approval with conditions has (and needs) them.
 */
function conditionsOf(dto: RecordDecisionDto): ConditionsInput | null {
  if (dto.outcome !== 'approved_with_conditions') {
    if (dto.conditionItems?.length) {
      throw new DomainError('VALIDATION_FAILED', 'Conditions are set only when approving with conditions; leave out conditionItems.', [
        { field: 'conditionItems', messages: ['conditionItems is only for approved_with_conditions'] },
      ]);
    }
    if (dto.conditions?.trim()) {
      const message = `Conditions are set only when approving with conditions; choose approved_with_conditions, or leave out conditions for ${dto.outcome}.`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'conditions', messages: [message] }]);
    }
    return null;
  }
  const items = dto.conditionItems ?? splitConditions(dto.conditions).map((text) => ({ text }));
  if (items.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Write the conditions when approving with conditions.', [
      { field: 'conditions', messages: ['conditions is required for approved_with_conditions'] },
    ]);
  }
  if (items.length > 20) {
    throw new DomainError('VALIDATION_FAILED', `An approval can set at most 20 conditions; this one has ${items.length}.`, [
      { field: 'conditions', messages: ['at most 20 conditions'] },
    ]);
  }
  return { items, text: dto.conditions?.trim() || items.map((i) => `- ${i.text}`).join('\n') };
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

function toSubmissionDto(s: GateSubmissionRecord, conditions: readonly GateConditionRecord[]): SubmissionDto {
  return {
    id: s.id,
    submittedAt: new Date(s.submitted_at).toISOString(),
    submittedBy: s.submitted_by,
    note: s.note,
    readiness: s.readiness,
    package: s.package,
    proposedDecision: s.proposed_decision,
    decision: toDecisionDto(
      s,
      conditions.filter((c) => c.decision_id === s.decision_id),
    ),
  };
}

function toDecisionDto(d: DecisionColumns, conditions: readonly GateConditionRecord[]): DecisionDto | null {
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
    bodyName: d.body_name,
    reopened: d.reopened,
    conditionItems: conditions.map((c) => ({ text: c.text, ownerUserId: c.owner_user_id, dueDate: c.due_date })),
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

function toConditionDto(c: GateConditionRecord): ConditionDto {
  return {
    id: c.id,
    decisionId: c.decision_id,
    decidedInPhase: c.decided_in_phase,
    phaseKey: c.phase_key,
    position: c.position,
    text: c.text,
    ownerUserId: c.owner_user_id,
    ownerName: c.owner_name,
    dueDate: c.due_date,
    state: c.state,
    resolutionNote: c.resolution_note,
    file:
      c.file_id === null || c.filename === null || c.content_type === null || c.size_bytes === null || c.uploaded_at === null
        ? null
        : mapFile({
            id: c.file_id,
            filename: c.filename,
            content_type: c.content_type,
            size_bytes: c.size_bytes,
            uploaded_at: c.uploaded_at,
          }),
    resolvedBy: c.resolved_by,
    resolvedAt: c.resolved_at ? new Date(c.resolved_at).toISOString() : null,
    version: c.version,
  };
}

/**
 * A condition is followed up while the phase it belongs to is in progress: once that phase is submitted to
 * its own gate (readiness was judged) or has ended, the condition stays as it was.
 */
function assertConditionOpenToChange(project: ProjectAggregate, c: GateConditionRecord): void {
  const phase = project.phases.find((p) => p.id === c.phase_id);
  if (phase?.state === 'in_progress') return;
  const why =
    phase?.state === 'awaiting_decision'
      ? `the ${c.phase_key} has been submitted to its gate, which judged its conditions`
      : phase?.state === 'not_started'
        ? `the ${c.phase_key} has not started`
        : `the ${c.phase_key} is ${phase?.state ?? 'closed'}`;
  throw new DomainError(
    'CONDITION_CLOSED',
    `This condition can no longer change: ${why}. Conditions are followed up while their phase is in progress.`,
  );
}

function conditionNotFound(phaseKey: string, conditionId: string): DomainError {
  return new DomainError('CONDITION_NOT_FOUND', `The ${phaseKey} gate has no condition with id ${conditionId}.`);
}

/**
 * Only a phase waiting at its gate can be decided; otherwise the refusal says what state the phase is in.
 */
function assertAwaitingDecision(phase: PhaseRow): void {
  switch (phase.state) {
    case 'awaiting_decision':
      return;
    case 'not_started':
      throw new DomainError('PHASE_NOT_AT_GATE', `The ${phase.key} has not started; it has no gate to decide yet.`);
    case 'in_progress':
      throw new DomainError(
        'GATE_NOT_SUBMITTED',
        `The ${phase.key} is in progress and has not been submitted for decision; the project leader submits it when it is ready.`,
      );
    case 'completed':
      throw new DomainError(
        'GATE_ALREADY_DECIDED',
        `The ${phase.key} is completed: its gate has been decided${phase.actualEnd ? ` (${phase.actualEnd})` : ''}. Reload to see the decision.`,
      );
    case 'stopped':
      throw new DomainError(
        'GATE_ALREADY_DECIDED',
        `The ${phase.key} was stopped by the decision at its gate; there is nothing more to decide.`,
      );
  }
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
