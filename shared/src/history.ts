import { DECISION_OUTCOMES, DELIVERABLE_STATES } from './plp';

/**
 * Everything a project's history can record, as `<entity>.<verb>`. The server writes only these; the
 * web app has a label for each in every language (checked by history.spec.ts).
 */
export const PROJECT_HISTORY_ACTIONS = [
  'project.created',
  'project.updated',
  'project.team_changed',
  'project.completed',
  'project.stopped',
  'phase.planned',
  'phase.started',
  'deliverable.updated',
  ...DELIVERABLE_STATES.map((s) => `deliverable.${s}` as const),
  'deliverable.file_added',
  'deliverable.file_removed',
  'gate.checkpoint_set',
  'gate.submitted',
  ...DECISION_OUTCOMES.map((o) => `gate.${o}` as const),
  'gate.minutes_attached',
  'gate.step_handled',
  'gate.step_minutes_attached',
  'gate.proposed_decision_set',
  'gate.kommune_deadline_set',
  'gate.kommune_decided',
  'gate.condition_met',
  'gate.condition_waived',
  'gate.condition_reopened',
  'gate.condition_file_added',
  'project.kommune_left',
  'phase.started_earlier',
  'plan.updated',
  'plan.version_saved',
  'plan.approved',
  'budget.saved',
  'cost_sharing.saved',
  'comment.added',
  'comment.edited',
  'comment.deleted',
  'status_report.created',
  'status_report.updated',
  'status_report.published',
  'status_report.deleted',
  'survey.created',
  'survey.updated',
  'survey.opened',
  'survey.closed',
  'survey.deleted',
  'survey.link_created',
  'survey.link_disabled',
  'survey.answers_imported',
  'survey.answer_redacted',
  'survey.raw_answers_deleted',
  'conversation.recorded',
  'conversation.updated',
  'conversation.deleted',
  'recommendation.created',
  'recommendation.updated',
  'recommendation.status_changed',
  'recommendation.deleted',
  'recommendation.made_subgoal',
] as const;

export type ProjectHistoryAction = (typeof PROJECT_HISTORY_ACTIONS)[number];

export function isProjectHistoryAction(value: string): value is ProjectHistoryAction {
  return (PROJECT_HISTORY_ACTIONS as readonly string[]).includes(value);
}
