import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { nextPhaseKey, phaseSpec, todayInOslo, type ReopenRequest } from '@nvr/shared';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { CaseRouteService } from '../case-route/case-route.service';
import { DomainError } from '../common/domain-error';
import { kommuneLeftRecord, whoLeaves } from '../kommune-cases/kommune-leave';
import { GateNotifier } from '../notifications/gate-notifier';
import { PlanService } from '../plans/plan.service';
import { ChangeRecord, LockedProject, ProjectChanges } from '../projects/project-changes';
import type { GateDto, RecordDecisionDto } from './gate.dto';
import {
  DecisionInsert,
  DecisionPhaseRecord,
  DecisionStateRecord,
  findDecisionState,
  writeApproval,
  writeSendBack,
  writeStop,
} from './gate-decision.queries';
import {
  assertAfterEarlierBodies,
  assertAwaitingDecision,
  assertSomeKommuneContinues,
  checkOwners,
  conditionsOf,
  ConditionsInput,
  decidingStep,
  isApproval,
  phaseOf,
} from './gate-rules';
import { plannedByApprovedPlan, plannedRecord } from './gate-planned-dates';
import { GateService } from './gate.service';

/**
 * The owner's vedtak at a gate. In the project's unit of work (lock, check, apply, history): one statement
 * reads all the decision checks and who is told, one writes the decision with everything it changes
 * (gate-decision.queries.ts), one tells those who must act next, and one writes the history.
 */
@Injectable()
export class GateDecisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly view: GateService,
    private readonly plans: PlanService,
    private readonly changes: ProjectChanges,
    private readonly caseRoute: CaseRouteService,
    private readonly notifier: GateNotifier,
  ) {}

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
    const ownerIds = [...new Set((conditions?.items ?? []).flatMap((i) => (i.ownerUserId ? [i.ownerUserId] : [])))];
    await this.changes.runBatched(projectId, actor, async (tx, locked) => {
      const state = await findDecisionState(tx, { projectId, phaseKey, submissionId: dto.submissionId, ownerIds, actorId: actor.userId });
      const phase = phaseOf(state.phases, phaseKey);
      // First what state the phase is in: only a submitted phase has a gate to decide.
      assertAwaitingDecision({ key: phase.phase_key, state: phase.state, actualEnd: phase.actual_end });
      if (locked.status !== 'active') throw new DomainError('INVALID_STATE', `The project is ${locked.status}; its gates are closed.`);
      const submission = state.submission;
      if (!submission)
        throw new DomainError('SUBMISSION_NOT_FOUND', `The ${phase.phase_key} gate has no submission with id ${dto.submissionId}.`);
      if (submission.decided)
        throw new DomainError('GATE_ALREADY_DECIDED', 'The owner has already decided on this submission. Reload to see the decision.');
      if (phase.actual_start && dto.meetingDate < phase.actual_start) {
        throw new DomainError(
          'INVALID_PERIOD',
          `The meeting date ${dto.meetingDate} is before the ${phase.phase_key} began (${phase.actual_start}).`,
        );
      }
      if (dto.meetingDate < submission.submitted_on) {
        const message = `The meeting date ${dto.meetingDate} is before the ${phase.phase_key} was submitted (${submission.submitted_on}); the owner decides on a package after it was submitted.`;
        throw new DomainError('INVALID_PERIOD', message, [{ field: 'meetingDate', messages: [message] }]);
      }
      if (conditions && nextPhaseKey(phase.phase_key) === null) {
        throw new DomainError(
          'CONDITIONS_ON_LAST_GATE',
          `The ${phase.phase_key} is the last phase: no phase follows in which conditions could be followed up. Approve without conditions, or send the package back with what must be done.`,
        );
      }
      if (isApproval(dto.outcome)) assertSomeKommuneContinues(state);
      if (conditions) checkOwners(state, locked, conditions.items);
      const step = state.steps.length
        ? decidingStep(state.steps)
        : // A submission made before case routes existed: its case opens now, on the region's route as it is.
          await this.caseRoute.decidingStep(tx, submission.id);
      const reopen = dto.outcome === 'sent_back' ? await this.checkReopen(tx, state, phase, dto.reopen) : null;
      assertAfterEarlierBodies(state.steps, step.id, dto.meetingDate);
      const insert: DecisionInsert = {
        submissionId: submission.id,
        phaseId: phase.id,
        outcome: dto.outcome,
        meetingDate: dto.meetingDate,
        caseNumber: dto.caseNumber,
        decisionText: dto.decisionText,
        conditions: conditions?.text ?? (dto.conditions?.trim() || null),
        decidedBy: actor.userId,
        stepId: step.id || null,
        bodyName: step.bodyName,
        reopened: reopen ? JSON.stringify(reopen) : null,
      };
      const { decisionId, records } = await this.apply(tx, locked, state, phase, insert, conditions, reopen);
      await this.notifier.decided(
        tx,
        { projectId: locked.id, phaseKey: phase.phase_key, submissionId: submission.id, actorId: actor.userId },
        { decisionId, outcome: dto.outcome, bodyName: step.bodyName },
        { name: state.project_name, regionId: locked.regionId, audience: state.audience },
      );
      const decided: ChangeRecord = {
        action: `gate.${dto.outcome}`,
        entityType: 'gate',
        entityId: phase.phase_key,
        after: {
          decisionId,
          outcome: dto.outcome,
          meetingDate: dto.meetingDate,
          caseNumber: dto.caseNumber,
          decisionText: dto.decisionText,
          conditions: conditions?.text ?? dto.conditions ?? null,
          bodyName: step.bodyName,
          ...(reopen ? { reopened: reopen } : {}),
        },
      };
      return { history: [decided, ...records] };
    });
    return this.view.get(projectId, phaseKey, actor.roles, this.db.manager, actor.userId);
  }

  /** Writes the decision and its effects in one statement; answers the decision's id and the history of the effects. */
  private async apply(
    tx: EntityManager,
    project: LockedProject,
    state: DecisionStateRecord,
    phase: DecisionPhaseRecord,
    insert: DecisionInsert,
    conditions: ConditionsInput | null,
    reopen: ReopenRequest | null,
  ): Promise<{ decisionId: string; records: ChangeRecord[] }> {
    switch (insert.outcome) {
      case 'approved':
      case 'approved_with_conditions': {
        const nextKey = nextPhaseKey(phase.phase_key);
        const next = nextKey ? phaseOf(state.phases, nextKey) : null;
        // Kommuner whose kommunestyre said no leave the project when it goes on, but never the last one.
        const leaving = whoLeaves(
          state.member_kommune_ids,
          state.kommune_cases
            .filter((k) => k.outcome === 'no')
            .map((k) => ({ id: k.kommune_id, name: k.kommune_name, submissionId: insert.submissionId })),
        );
        // The approved plan's period becomes the next phase's planned dates (when it states one).
        const planned = next ? plannedByApprovedPlan(state.next_plan, next) : null;
        const written = await writeApproval(tx, insert, {
          projectId: project.id,
          conditionsPhaseId: (next ?? phase).id,
          nextPhaseId: next?.id ?? null,
          nextPlanned: planned,
          conditions: (conditions?.items ?? []).map((i) => ({
            text: i.text,
            ownerUserId: i.ownerUserId ?? null,
            dueDate: i.dueDate ?? null,
          })),
          leavingKommuneIds: leaving.map((k) => k.id),
        });
        // Accepting the package accepts what is in it.
        const records: ChangeRecord[] = written.accepted.map((d) => ({
          action: 'deliverable.accepted',
          entityType: 'deliverable',
          entityId: d.id,
          before: { title: d.title, state: 'submitted' },
          after: { title: d.title, state: 'accepted', withGate: true },
        }));
        records.push(...leaving.map((k) => kommuneLeftRecord(project.id, k)));
        if (next) {
          if (written.frozen !== null) {
            records.push({ action: 'plan.approved', entityType: 'plan', entityId: next.phase_key, after: { number: written.frozen } });
            if (planned) records.push(plannedRecord(next, planned, written.frozen));
          }
          records.push({
            action: 'phase.started',
            entityType: 'phase',
            entityId: next.phase_key,
            before: { state: next.state },
            after: { state: 'in_progress', actualStart: insert.meetingDate },
          });
        } else {
          records.push({
            action: 'project.completed',
            entityType: 'project',
            entityId: project.id,
            before: { status: project.status },
            after: { status: 'completed' },
          });
        }
        return { decisionId: written.decision_id, records };
      }
      case 'sent_back': {
        const ids = [...(reopen?.deliverableIds ?? [])];
        // Plan sections or the budget to rework return the plan deliverable too: the gate is not ready again
        // until the leader submits the plan anew (which checks that it is complete).
        if (reopen && (reopen.planSections.length > 0 || reopen.budget)) {
          const planKey = phaseSpec(phase.phase_key).deliverables.find((d) => d.nextPhasePlan)?.key;
          const plan = state.deliverables.find((d) => d.catalogue_key === planKey && d.state !== 'not_required');
          if (plan && !ids.includes(plan.id)) ids.push(plan.id);
        }
        const written = await writeSendBack(tx, insert, ids);
        const records = written.returned.map<ChangeRecord>((d) => ({
          action: 'deliverable.returned',
          entityType: 'deliverable',
          entityId: d.id,
          before: { title: d.title, state: d.state },
          after: { title: d.title, state: 'returned', comment: insert.decisionText, withGate: true },
        }));
        return { decisionId: written.decision_id, records };
      }
      case 'stopped': {
        const written = await writeStop(tx, insert, project.id);
        const stopped: ChangeRecord = {
          action: 'project.stopped',
          entityType: 'project',
          entityId: project.id,
          before: { status: project.status },
          after: { status: 'stopped' },
        };
        return { decisionId: written.decision_id, records: [stopped] };
      }
    }
  }

  /** What a send-back reopens, checked: this phase's deliverables, sections of the next phase's plan. */
  private async checkReopen(
    tx: EntityManager,
    state: DecisionStateRecord,
    phase: DecisionPhaseRecord,
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
    const unknown = request.deliverableIds.filter((id) => !state.deliverables.some((d) => d.id === id));
    if (unknown.length) {
      const message = `The ${phase.phase_key} has no deliverable with id ${unknown.join(', ')}; name deliverables of this phase or its plan for the next phase.`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.deliverableIds', messages: [message] }]);
    }
    const next = state.phases.find((p) => p.position === phase.position + 1);
    if (request.planSections.length || request.budget) {
      if (!next) {
        const message = `The ${phase.phase_key} is the last phase; there is no plan or budget for a next phase to reopen.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.planSections', messages: [message] }]);
      }
      // Read with the decision's state; without a template the plan service says why.
      const keys = state.next_plan_sections ?? (await this.plans.sectionKeys(tx, next.id, next.phase_key));
      const bad = request.planSections.filter((s) => !keys.includes(s));
      if (bad.length) {
        const message = `The ${next.phase_key} plan has no section ${bad.map((b) => `"${b}"`).join(', ')}; its sections are ${keys.join(', ')}.`;
        throw new DomainError('VALIDATION_FAILED', message, [{ field: 'reopen.planSections', messages: [message] }]);
      }
    }
    return request;
  }
}
