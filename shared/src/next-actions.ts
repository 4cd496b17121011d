import { canOnProject, RoleAssignment } from './access';
import type { DeliverableState, PhaseKey, PhaseState, ProjectStatus } from './plp';

export type NextActionKind =
  | 'write_deliverable'
  | 'revise_deliverable'
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
  /** The deliverable's or checkpoint's catalogue key, for its title. */
  key?: string | null;
}

export interface ProjectForActions {
  id: string;
  regionId: string;
  status: ProjectStatus;
  currentPhase: {
    key: PhaseKey;
    state: PhaseState;
    ready: boolean;
    deliverables: { id: string; key: string | null; state: DeliverableState }[];
    uncheckedCheckpoints: string[];
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
      actions.push({ kind: 'revise_deliverable', phaseKey: p, deliverableId: d.id, key: d.key });
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
