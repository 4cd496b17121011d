import { useTranslation } from 'react-i18next';
import type { AppNotification } from '../../../api/progress-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { isPhaseKey } from '@nvr/shared';
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
        return phase ? t('progress.notifications.kinds.gate_awaiting_decision', { phase, project }) : n.title;
      case 'status_report_due': {
        const month = str('period');
        return month ? t('progress.notifications.kinds.status_report_due', { period: period(month), project }) : n.title;
      }
      default:
        return n.title;
    }
  };
}
