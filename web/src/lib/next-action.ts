import type { PhaseKey } from '@nvr/shared';
import type { TFunction } from 'i18next';
import type { NextAction, Project } from '../api/types';
import type { useCatalogue } from './catalogue';
import { formatDate } from './format';
import i18n from 'i18next';

/**
 * What a next action says and where it is done, for the project page's "Hva må gjøres nå" and the
 * project leader's task list alike. `to` is null when there is nothing to open.
 */
export function describeNextAction(
  project: Pick<Project, 'id' | 'status' | 'phases'>,
  action: NextAction,
  t: TFunction,
  catalogue: ReturnType<typeof useCatalogue>,
): { to: string | null; text: string } {
  const base = `/prosjekter/${project.id}`;
  const phaseKey = action.phaseKey as PhaseKey | undefined;
  const phase = phaseKey ? catalogue.phaseTitle(phaseKey) : '';
  const deliverable = action.deliverableId
    ? project.phases.flatMap((p) => p.deliverables).find((d) => d.id === action.deliverableId)
    : undefined;
  const title = catalogue.deliverableTitle({ key: action.key ?? deliverable?.key ?? null, title: deliverable?.title });
  const deliverableUrl = `${base}/leveranser/${action.deliverableId}`;
  const gateUrl = `${base}/faser/${phaseKey}/beslutning`;
  switch (action.kind) {
    case 'write_deliverable':
      return { to: deliverableUrl, text: t('projects.next.write', { title }) };
    case 'revise_deliverable':
      return { to: deliverableUrl, text: t('projects.next.revise', { title }) };
    case 'revise_plan':
      return { to: `${base}/faser/${phaseKey}/plan`, text: t('projects.next.revisePlan', { phase, section: sectionTitle(action.key, t) }) };
    case 'revise_budget':
      return { to: `${base}/faser/${phaseKey}/plan`, text: t('projects.next.reviseBudget', { phase }) };
    case 'meet_condition':
      return {
        to: gateUrl,
        text: action.dueDate
          ? t('projects.next.meetConditionDue', { condition: action.task ?? '', date: formatDate(action.dueDate, i18n.language) })
          : t('projects.next.meetCondition', { condition: action.task ?? '' }),
      };
    case 'review_deliverable':
      return { to: deliverableUrl, text: t('projects.next.review', { title }) };
    case 'tick_checkpoint':
      return {
        to: gateUrl,
        text: t('projects.next.tick', { checkpoint: phaseKey && action.key ? catalogue.checkpointTitle(phaseKey, action.key) : '' }),
      };
    case 'plan_next_budget':
      return { to: `${base}/faser/${phaseKey}/plan`, text: t('projects.next.budget', { phase }) };
    case 'submit_for_decision':
      return { to: gateUrl, text: t('projects.next.submit', { phase }) };
    case 'decide_gate':
      return { to: gateUrl, text: t('projects.next.decide', { phase }) };
    case 'await_decision':
      return { to: gateUrl, text: t('projects.next.await', { phase }) };
    case 'follow':
      return { to: null, text: t('projects.next.follow', { phase }) };
    case 'project_closed':
      return { to: null, text: t(project.status === 'stopped' ? 'projects.next.stopped' : 'projects.next.completed') };
  }
}

const PLAN_SECTIONS = ['background', 'goals', 'frame', 'schedule', 'organisation', 'decision_points', 'budget', 'contracts'] as const;

/** A PLP plan section's title in the reader's language; a section of a custom template shows its key. */
function sectionTitle(key: string | null | undefined, t: TFunction): string {
  const known = PLAN_SECTIONS.find((s) => s === key);
  return known ? t(`projects.next.sections.${known}`) : (key ?? '');
}
