import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../../api/progress-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { DECISION_OUTCOMES, isPhaseKey, type DecisionOutcome } from '@nvr/shared';
import { usePeriod } from './progress-text';

/**
 * A notification's title in the reader's language, built from its kind and facts (the server's own
 * title is Norwegian bokmål; it is the fallback when a fact is missing).
 */
export function useNotificationTitle() {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const period = usePeriod();
  return (n: AppNotification): string => {
    const p = (n.params ?? {}) as Record<string, unknown>;
    const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
    const project = n.projectName ?? str('projectName') ?? '';
    const phaseKey = str('phaseKey');
    const phase = phaseKey && isPhaseKey(phaseKey) ? catalogue.phaseTitle(phaseKey) : null;
    // Mid-sentence: "forstudien", "the pre-study".
    const phaseDefinite = phaseKey && isPhaseKey(phaseKey) ? t(`plans.phaseDefinite.${phaseKey}`) : null;
    const body = str('bodyName');
    switch (n.kind) {
      case 'mention':
        return n.actorName ? t('progress.notifications.kinds.mention', { name: n.actorName, project }) : n.title;
      case 'deliverable_due_soon': {
        const due = str('dueDate');
        const title = str('deliverableTitle');
        return due && title ? t('progress.notifications.kinds.deliverable_due_soon', { title, date: format.date(due), project }) : n.title;
      }
      case 'deliverable_overdue': {
        const due = str('dueDate');
        const title = str('deliverableTitle');
        return due && title ? t('progress.notifications.kinds.deliverable_overdue', { title, date: format.date(due), project }) : n.title;
      }
      case 'phase_too_long':
        return phase && typeof p.months === 'number'
          ? t('progress.notifications.kinds.phase_too_long', { phase, months: p.months, project })
          : n.title;
      case 'gate_awaiting_decision':
        if (!phase) return n.title;
        return body
          ? t('progress.notifications.kinds.gate_awaiting_decision_at', { phase, project, body })
          : t('progress.notifications.kinds.gate_awaiting_decision', { phase, project });
      case 'status_report_due': {
        const month = str('period');
        return month ? t('progress.notifications.kinds.status_report_due', { period: period(month), project }) : n.title;
      }
      case 'gate_submitted':
        return phaseDefinite && body ? t('progress.notifications.kinds.gate_submitted', { phase: phaseDefinite, project, body }) : n.title;
      case 'case_at_body':
        return phaseDefinite && body ? t('progress.notifications.kinds.case_at_body', { phase: phaseDefinite, project, body }) : n.title;
      case 'gate_decided': {
        const outcome = str('outcome');
        return phaseDefinite && outcome && isOutcome(outcome)
          ? t('progress.notifications.kinds.gate_decided', { phase: phaseDefinite, project, outcome: t(`gates.outcome.${outcome}`) })
          : n.title;
      }
      case 'kommune_case_opened': {
        const deadline = str('deadline');
        return deadline ? t('progress.notifications.kinds.kommune_case_opened', { project, date: format.date(deadline) }) : n.title;
      }
      case 'deliverable_reviewed': {
        const title = str('title');
        const outcome = str('outcome');
        if (!title) return n.title;
        if (outcome === 'accepted') return t('progress.notifications.kinds.deliverable_reviewed_accepted', { title, project });
        if (outcome === 'returned') return t('progress.notifications.kinds.deliverable_reviewed_returned', { title, project });
        return n.title;
      }
      case 'kommune_deadline_near': {
        const deadline = str('deadline');
        const kommune = str('kommuneName');
        if (!deadline || !kommune) return n.title;
        const values = { date: format.date(deadline), kommune, project };
        return p.overdue === true
          ? t('progress.notifications.kinds.kommune_deadline_passed', values)
          : t('progress.notifications.kinds.kommune_deadline_near', values);
      }
      case 'condition_due': {
        const due = str('dueDate');
        const text = str('conditionText');
        if (!due || !text) return n.title;
        const values = { date: format.date(due), text, project };
        return p.overdue === true
          ? t('progress.notifications.kinds.condition_overdue', values)
          : t('progress.notifications.kinds.condition_due', values);
      }
      case 'benefit_measurement_due': {
        const benefits = dueBenefits(p.benefits);
        if (benefits.length > 1) {
          const titles = benefits
            .map((b) => t('progress.notifications.kinds.benefit_measurement_due_title', { title: b.title }))
            .join(', ');
          return t('progress.notifications.kinds.benefit_measurement_due_several', { n: benefits.length, titles });
        }
        if (benefits.length === 1) {
          const [b] = benefits;
          return t('progress.notifications.kinds.benefit_measurement_due', { title: b.title, project: n.projectName ?? b.projectName });
        }
        // A reminder from before they were collected per owner names its one benefit so.
        const title = str('benefitTitle');
        return title ? t('progress.notifications.kinds.benefit_measurement_due', { title, project }) : n.title;
      }
      default:
        return n.title;
    }
  };
}

/** The benefits a yearly reminder names (its params' `benefits`), those with a title and a project. */
function dueBenefits(value: unknown): { title: string; projectName: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((b: unknown) => {
    const { title, projectName } = (b ?? {}) as Record<string, unknown>;
    return typeof title === 'string' && typeof projectName === 'string' ? [{ title, projectName }] : [];
  });
}

function isOutcome(value: string): value is DecisionOutcome {
  return (DECISION_OUTCOMES as readonly string[]).includes(value);
}
