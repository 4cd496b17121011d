import { useId } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { CheckmarkCircleFillIcon, ExclamationmarkTriangleFillIcon, XMarkOctagonFillIcon } from '@navikt/aksel-icons';
import { isPhaseKey, nextPhaseKey, phaseSpec, type PhaseKey } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Gate, Project, ReadinessItem } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { isDeliverableState } from './states';

const ICONS = {
  ok: CheckmarkCircleFillIcon,
  missing: XMarkOctagonFillIcon,
  warning: ExclamationmarkTriangleFillIcon,
} as const;

/**
 * The server's readiness checklist for the gate: every line with an icon AND a status word, what it
 * is about, and a link to where it is fixed. Lines that do not block (warnings) say so.
 */
export function ReadinessChecklist({ project, gate }: { project: Project; gate: Gate }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const open = gate.phaseState === 'in_progress';
  // Once submitted, the decision was made on the checklist as it stood then (frozen with the submission).
  const submitted = open ? undefined : gate.submissions[0];
  const readiness = submitted?.readiness ?? gate.readiness;
  const blockingMissing = readiness.items.filter((i) => i.blocking && i.status !== 'ok').length;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('gates.readiness.heading')}
      </Heading>
      <Paragraph>
        {submitted
          ? t('gates.readiness.asSubmitted', { date: format.dateTime(submitted.submittedAt) })
          : !open
            ? t('gates.readiness.notOpen')
            : readiness.ready
              ? t('gates.readiness.ready')
              : t('gates.readiness.missing', { count: blockingMissing })}
      </Paragraph>
      <ul className="checklist" aria-labelledby={headingId}>
        {sortItems(gate.phaseKey, readiness.items).map((item) => (
          <ChecklistItem key={`${item.kind}-${item.key}`} project={project} phaseKey={gate.phaseKey} item={item} />
        ))}
      </ul>
    </section>
  );
}

const KIND_ORDER = ['deliverable', 'next_phase_plan', 'budget', 'checkpoint', 'condition', 'duration'];

/** Kinds in a fixed order; deliverables in catalogue order (the sort is stable for the rest). */
function sortItems(phaseKey: PhaseKey, items: ReadinessItem[]): ReadinessItem[] {
  const catalogueOrder = phaseSpec(phaseKey).deliverables.map((d) => d.key);
  const rank = (item: ReadinessItem) => {
    const i = catalogueOrder.indexOf(item.key);
    return i === -1 ? catalogueOrder.length : i;
  };
  return [...items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || rank(a) - rank(b));
}

function ChecklistItem({ project, phaseKey, item }: { project: Project; phaseKey: PhaseKey; item: ReadinessItem }) {
  const { t } = useTranslation();
  const text = useItemText(project, phaseKey, item);
  const Icon = ICONS[item.status];
  return (
    <li className={`checklist__item checklist__item--${item.status}`}>
      <Icon aria-hidden="true" className="checklist__icon" />
      <span className="checklist__status">{t(`gates.readiness.status.${item.status}`)}</span>
      <span className="checklist__text">
        {itemLink(project, phaseKey, item) ? (
          <Link asChild>
            <RouterLink to={itemLink(project, phaseKey, item) ?? ''}>{text}</RouterLink>
          </Link>
        ) : (
          text
        )}
        {!item.blocking && item.status !== 'ok' && <span className="cell-note">{t('gates.readiness.notBlocking')}</span>}
      </span>
    </li>
  );
}

/** Where a line is fixed: the plan editor for the next phase's plan, the deliverable's page, else nowhere. */
function itemLink(project: Project, phaseKey: PhaseKey, item: ReadinessItem): string | null {
  const next = nextPhaseKey(phaseKey);
  if ((item.kind === 'next_phase_plan' || item.kind === 'budget') && next) return `/prosjekter/${project.id}/faser/${next}/plan`;
  if (item.deliverableId) return `/prosjekter/${project.id}/leveranser/${item.deliverableId}`;
  return null;
}

function useItemText(project: Project, phaseKey: PhaseKey, item: ReadinessItem): string {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const params = (item.params ?? {}) as Record<string, string | number | null | undefined>;
  const known = project.phases.flatMap((p) => p.deliverables).find((d) => d.id === item.deliverableId);
  const title = catalogue.deliverableTitle({ key: known?.key ?? item.key, title: known?.title ?? item.key });
  const rawState = params.state;
  const state =
    typeof rawState === 'string' && isDeliverableState(rawState) ? t(`deliverables.state.${rawState}`) : t('gates.readiness.noState');

  switch (item.kind) {
    case 'deliverable':
      return item.status === 'ok'
        ? t('gates.readiness.deliverableOk', { title, state })
        : t(rawState === 'returned' ? 'gate.readiness.deliverableReturned' : 'gate.readiness.deliverableEmpty', { title, state });
    case 'next_phase_plan': {
      const next = nextPhaseKey(phaseKey);
      const phase = next ? catalogue.phaseTitle(next) : title;
      if (typeof params.total === 'number' && typeof params.missing === 'number') {
        const fields = { filled: params.total - params.missing, count: params.total, phase };
        return item.status === 'ok'
          ? t('gate.readiness.planComplete', fields)
          : rawState === 'returned'
            ? t('gate.readiness.planReturned', fields)
            : t('gate.readiness.planIncomplete', fields);
      }
      if (params.total === null) return t('gate.readiness.planNone', { phase });
      return item.status === 'ok' ? t('gates.readiness.planOk', { title }) : t('gates.readiness.planMissing', { title });
    }
    case 'condition':
      return params.dueDate
        ? t('gate.readiness.conditionOpenDue', { text: params.text ?? '', date: format.date(String(params.dueDate)) })
        : t('gate.readiness.conditionOpen', { text: params.text ?? '' });
    case 'checkpoint': {
      const checkpoint = catalogue.checkpointTitle(phaseKey, item.key);
      return item.status === 'ok'
        ? t('gates.readiness.checkpointOk', { checkpoint })
        : t('gates.readiness.checkpointMissing', { checkpoint });
    }
    case 'duration':
      return t(params.status === 'long' ? 'gates.readiness.durationLong' : 'gates.readiness.durationShort', {
        count: Number(params.months ?? 0),
        min: params.min ?? '–',
        max: params.max ?? '–',
      });
    case 'budget': {
      const budgetPhase = typeof params.phase === 'string' && isPhaseKey(params.phase) ? catalogue.phaseTitle(params.phase) : '';
      return t(`gates.readiness.budget.${item.status}`, {
        phase: budgetPhase,
        costs: format.number(Number(params.costs ?? 0)),
        financing: format.number(Number(params.financing ?? 0)),
      });
    }
    default:
      return item.key;
  }
}
