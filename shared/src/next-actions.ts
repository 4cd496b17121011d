import { canOnProject, RoleAssignment } from './access';
import type { DeliverableState, PhaseKey, PhaseState, ProjectStatus } from './plp';

export type NextActionKind =
  | 'write_deliverable'
  | 'revise_deliverable'
  | 'revise_plan'
  | 'revise_budget'
  | 'meet_condition'
  | 'review_deliverable'
  | 'tick_checkpoint'
  | 'plan_next_budget'
  | 'submit_for_decision'
  | 'await_decision'
  | 'decide_gate'
  | 'follow'
  | 'project_closed';

export interface NextAction {
  kind: NextActionKind;
  phaseKey?: PhaseKey;
  deliverableId?: string;
  /** The deliverable's or checkpoint's catalogue key, or the plan section's key, for its title. */
  key?: string | null;
  /** What must be done, in the owner's words: the decision text of a send-back, or the condition. */
  task?: string | null;
  conditionId?: string;
  dueDate?: string | null;
}

export interface ProjectForActions {
  id: string;
  regionId: string;
  status: ProjectStatus;
  currentPhase: {
    key: PhaseKey;
    state: PhaseState;
    ready: boolean;
    /** `reviewComment`: why it was returned (after a send-back, the decision text). */
    deliverables: { id: string; key: string | null; state: DeliverableState; reviewComment?: string | null }[];
    uncheckedCheckpoints: string[];
    /** Conditions of the previous approval still open in this phase. */
    openConditions?: { id: string; text: string; dueDate: string | null }[];
    /** What the last decision sent back for rework (until the phase is submitted again). */
    sentBack?: { decisionText: string; planSections: string[]; budget: boolean; nextPhaseKey: PhaseKey | null } | null;
    /** The next phase, when the budget in its plan (which the gate decides on) is empty or does not balance. */
    nextBudgetMissing?: PhaseKey | null;
  } | null;
}

/**
 * What the signed-in person should do next on a project, most useful first. Project leaders see what
 * to write and submit; the regionråd what to review and decide; advisers and others that they follow.
 */
export function nextActions(project: ProjectForActions, roles: readonly RoleAssignment[]): NextAction[] {
  const phase = project.currentPhase;
  if (project.status !== 'active' || !phase) return [{ kind: 'project_closed' }];
  const can = (action: Parameters<typeof canOnProject>[2]) => canOnProject(roles, project, action);
  const actions: NextAction[] = [];
  const p = phase.key;
  if (can('decide')) {
    if (phase.state === 'awaiting_decision') actions.push({ kind: 'decide_gate', phaseKey: p });
    for (const d of phase.deliverables.filter((x) => x.state === 'submitted'))
      actions.push({ kind: 'review_deliverable', phaseKey: p, deliverableId: d.id, key: d.key });
  }
  if (can('edit') && phase.state === 'in_progress') {
    for (const d of phase.deliverables.filter((x) => x.state === 'returned'))
      actions.push({ kind: 'revise_deliverable', phaseKey: p, deliverableId: d.id, key: d.key, task: d.reviewComment ?? null });
    const back = phase.sentBack;
    if (back?.nextPhaseKey) {
      for (const section of back.planSections)
        actions.push({ kind: 'revise_plan', phaseKey: back.nextPhaseKey, key: section, task: back.decisionText });
      if (back.budget) actions.push({ kind: 'revise_budget', phaseKey: back.nextPhaseKey, task: back.decisionText });
    }
    const conditions = [...(phase.openConditions ?? [])].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
    for (const c of conditions) actions.push({ kind: 'meet_condition', phaseKey: p, conditionId: c.id, task: c.text, dueDate: c.dueDate });
    for (const d of phase.deliverables.filter((x) => x.state === 'draft'))
      actions.push({ kind: 'write_deliverable', phaseKey: p, deliverableId: d.id, key: d.key });
  }
  if (can('submit')) {
    if (phase.state === 'in_progress') {
      for (const key of phase.uncheckedCheckpoints) actions.push({ kind: 'tick_checkpoint', phaseKey: p, key });
      if (phase.nextBudgetMissing) actions.push({ kind: 'plan_next_budget', phaseKey: phase.nextBudgetMissing });
      if (phase.ready) actions.unshift({ kind: 'submit_for_decision', phaseKey: p });
    } else if (phase.state === 'awaiting_decision' && !can('decide')) {
      actions.push({ kind: 'await_decision', phaseKey: p });
    }
  }
  if (actions.length === 0)
    actions.push({ kind: can('edit') && phase.state === 'awaiting_decision' ? 'await_decision' : 'follow', phaseKey: p });
  return actions;
}
