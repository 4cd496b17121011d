import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  canOnProject,
  DEFAULT_KOMMUNE_DEADLINE_DAYS,
  draftProposedDecision,
  kommunerContribution,
  phaseSpec,
  todayInOslo,
  type BudgetLine,
  type GatePackage,
} from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CaseRouteService } from '../case-route/case-route.service';
import { DomainError } from '../common/domain-error';
import { execute, queryOne, queryOneOrFail, queryRows } from '../database/sql';
import { KommuneCaseService } from '../kommune-cases/kommune-case.service';
import { GateContext, GateNotifier } from '../notifications/gate-notifier';
import { PlanService, readBudget } from '../plans/plan.service';
import { ChangeRecord, ProjectChanges } from '../projects/project-changes';
import { findPhase, phaseReadiness, PhaseRow, ProjectAggregate } from '../projects/project-queries';
import { GateDto, ProposedDecisionDto, SetCheckpointDto, SubmitGateDto } from './gate.dto';
import { assertAwaitingDecision, assertInProgress, FALLBACK_BODY } from './gate-rules';
import { GateSubmissionHooks } from './gate-submission-hooks';
import { GateService } from './gate.service';

/**
 * The project leader's side of the gate, and the secretariat's before the meeting: the checkpoints, the
 * submission of the package, and the proposed decision.
 */
@Injectable()
export class GateSubmissionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly view: GateService,
    private readonly plans: PlanService,
    private readonly changes: ProjectChanges,
    private readonly caseRoute: CaseRouteService,
    private readonly kommuneCases: KommuneCaseService,
    private readonly notifier: GateNotifier,
    private readonly hooks: GateSubmissionHooks,
  ) {}

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
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
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
      // Other features' part of the submission (the documents feature keeps the saksframlegg's inputs for the archive).
      await this.hooks.submitted(tx, { projectId: project.id, phaseKey: phase.key, submissionId: s.id, roles: actor.roles });
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
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
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
      // The saksframlegg kept for the archive carries the innstilling the bodies got, not the first draft.
      await execute(
        tx,
        `UPDATE gate_submission_case_data
            SET case_data = jsonb_set(jsonb_set(case_data, '{submission,proposedDecision}', to_jsonb($2::text)), '{submission,proposedIsDraft}', 'false')
          WHERE submission_id = $1`,
        [s.id, dto.text],
      );
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
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
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

async function setPhaseState(tx: EntityManager, phase: PhaseRow, state: PhaseRow['state'], actualEnd?: string): Promise<void> {
  await execute(
    tx,
    `UPDATE project_phase SET state = $2, actual_end = coalesce($3, actual_end), version = version + 1, updated_at = now() WHERE id = $1`,
    [phase.id, state, actualEnd ?? null],
  );
}
