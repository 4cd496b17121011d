import { planPeriod, type PlanPeriod } from '@nvr/shared';
import type { ChangeRecord } from '../projects/project-changes';
import type { DecisionPhaseRecord, DecisionStateRecord } from './gate-decision.queries';

/**
 * The next phase's planned dates by the plan the regionråd approves: the period the plan states (its
 * period field's two dates, else the span of its sub-goals' quarters; shared planPeriod). Null when the
 * plan states no usable period, or the phase already has those dates: then they stay as they are.
 */
export function plannedByApprovedPlan(plan: DecisionStateRecord['next_plan'], phase: DecisionPhaseRecord): PlanPeriod | null {
  const period = plan ? planPeriod(plan.sections, plan.content) : null;
  if (!period || (period.start === phase.planned_start && period.end === phase.planned_end)) return null;
  return period;
}

/** The history of the dates set: before and after, the approved version (snapshot) they come from and the part of the plan. */
export function plannedRecord(phase: DecisionPhaseRecord, period: PlanPeriod, snapshot: number): ChangeRecord {
  return {
    action: 'phase.planned',
    entityType: 'phase',
    entityId: phase.phase_key,
    before: { plannedStart: phase.planned_start, plannedEnd: phase.planned_end },
    after: { plannedStart: period.start, plannedEnd: period.end, approvedPlanVersion: snapshot, periodFrom: period.source },
  };
}
