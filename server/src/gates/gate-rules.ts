import { canOnProject, currentStep, splitConditions, stepOrderProblem, type DecisionOutcome } from '@nvr/shared';
import type { DecidingStep } from '../case-route/case-route.service';
import { DomainError } from '../common/domain-error';
import type { PhaseRow, ProjectAggregate } from '../projects/project-queries';
import type { ConditionItemDto, RecordDecisionDto } from './gate.dto';
import type { DecisionPhaseRecord, DecisionStateRecord, DecisionStepRecord } from './gate-decision.queries';
import type { GateConditionRecord } from './gate.queries';

/** The gate's rules that need no database: what state a phase must be in, what a decision must say. */

/** The deciding body's name when a region has no bodies of its own. */
export const FALLBACK_BODY = 'Regionrådet';

export function isApproval(outcome: DecisionOutcome | null): boolean {
  return outcome === 'approved' || outcome === 'approved_with_conditions';
}

/** An approval's conditions, one by one, and the text stored with the decision. */
export interface ConditionsInput {
  items: ConditionItemDto[];
  text: string;
}

/**
 * The conditions a decision sets: the items as given, else one per line of the conditions text. Only an
 * approval with conditions has (and needs) them.
 */
export function conditionsOf(dto: RecordDecisionDto): ConditionsInput | null {
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

/**
 * A condition is followed up while the phase it belongs to is in progress: once that phase is submitted to
 * its own gate (readiness was judged) or has ended, the condition stays as it was.
 */
export function assertConditionOpenToChange(project: ProjectAggregate, c: GateConditionRecord): void {
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

export function conditionNotFound(phaseKey: string, conditionId: string): DomainError {
  return new DomainError('CONDITION_NOT_FOUND', `The ${phaseKey} gate has no condition with id ${conditionId}.`);
}

/**
 * Only a phase waiting at its gate can be decided; otherwise the refusal says what state the phase is in.
 */
export function assertAwaitingDecision(phase: Pick<PhaseRow, 'key' | 'state' | 'actualEnd'>): void {
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

export function assertInProgress(phase: PhaseRow): void {
  if (phase.state !== 'in_progress') {
    throw new DomainError(
      'INVALID_STATE',
      `The ${phase.key} is ${phase.state.replace('_', ' ')}; this can only be done while it is in progress.`,
    );
  }
}

// -------------------------------------------------------------------------------------------------
// A decision's checks on what it read with the project locked (gate-decision.queries.ts)

export function phaseOf(phases: readonly DecisionPhaseRecord[], key: string): DecisionPhaseRecord {
  const phase = phases.find((p) => p.phase_key === key);
  if (!phase)
    throw new DomainError('PHASE_NOT_FOUND', `The project has no phase "${key}"; phases are forstudie, forprosjekt and hovedprosjekt.`);
  return phase;
}

/** An approval needs at least one kommune to go on with: when every kommunestyre said no, stop or send back instead. */
export function assertSomeKommuneContinues(state: DecisionStateRecord): void {
  const total = state.kommune_cases.length;
  if (total > 0 && state.kommune_cases.every((k) => k.outcome === 'no')) {
    throw new DomainError(
      'ALL_KOMMUNER_SAID_NO',
      `All ${total} kommunestyrer said no, so no kommune would finance the next phase; stop the project, or send the package back to be reworked.`,
    );
  }
}

/**
 * Each condition's owner must be someone who can act on the project: an active account with a role that
 * may read it (the team, the region's secretariat, advisers, kommune contacts); 400 naming the item otherwise.
 */
export function checkOwners(
  state: DecisionStateRecord,
  project: { id: string; regionId: string },
  items: readonly ConditionItemDto[],
): void {
  for (const [i, item] of items.entries()) {
    if (!item.ownerUserId) continue;
    const roles = state.owner_roles
      .filter((r) => r.user_id === item.ownerUserId)
      .map((r) => ({ role: r.role, regionId: r.regionId, projectId: r.projectId }));
    if (!canOnProject(roles, project, 'read')) {
      const message = `The account ${item.ownerUserId} is not an active account with access to this project; choose the project leader, a team member or someone in the region who can follow up the condition.`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: `conditionItems[${i}].ownerUserId`, messages: [message] }]);
    }
  }
}

function stepLike(r: DecisionStepRecord) {
  return {
    id: r.id,
    position: r.position,
    decides: r.decides,
    handledAt: r.handled_at === null ? null : new Date(r.handled_at).toISOString(),
  };
}

/**
 * The deciding body's step (the rule of CaseRouteService.decidingStep, on the steps read with the decision's
 * state); 409 CASE_NOT_AT_DECIDING_BODY, naming the body holding the case, while an earlier body has not handled it.
 */
export function decidingStep(rows: readonly DecisionStepRecord[]): DecidingStep {
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
 * 422 INVALID_PERIOD when the decision's meeting is before an earlier body's (the decision cannot come
 * before the innstilling it rests on; the rule of CaseRouteService.markDecided).
 */
export function assertAfterEarlierBodies(rows: readonly DecisionStepRecord[], stepId: string, meetingDate: string): void {
  const step = rows.find((r) => r.id === stepId);
  if (!step) return; // a case opened just now: no body has met on it yet
  const previous = rows
    .filter((r): r is DecisionStepRecord & { meeting_date: string } => r.position < step.position && r.meeting_date !== null)
    .sort((a, b) => (a.meeting_date === b.meeting_date ? b.position - a.position : a.meeting_date < b.meeting_date ? 1 : -1))[0];
  if (previous && meetingDate < previous.meeting_date) {
    throw new DomainError(
      'INVALID_PERIOD',
      `The meeting date ${meetingDate} is before ${previous.body_name} handled the case (${previous.meeting_date}).`,
      [{ field: 'meetingDate', messages: ['meetingDate must not be before the previous body’s meeting'] }],
    );
  }
}
