import { Tag } from '@digdir/designsystemet-react';
import type { DecisionOutcome, DeliverableState, PhaseState, ProjectStatus } from '@nvr/shared';
import { useTranslation } from 'react-i18next';

// States as Tags with text (never colour alone); the colours follow Designsystemet's severity colours.

const PHASE_COLORS: Record<PhaseState, string> = {
  not_started: 'neutral',
  in_progress: 'info',
  awaiting_decision: 'warning',
  completed: 'success',
  stopped: 'danger',
};

const DELIVERABLE_COLORS: Record<DeliverableState, string> = {
  draft: 'neutral',
  submitted: 'info',
  accepted: 'success',
  returned: 'warning',
  not_required: 'neutral',
};

const OUTCOME_COLORS: Record<DecisionOutcome, string> = {
  approved: 'success',
  approved_with_conditions: 'success',
  sent_back: 'warning',
  stopped: 'danger',
};

const PROJECT_COLORS: Record<ProjectStatus, string> = { active: 'info', completed: 'success', stopped: 'danger' };

export function PhaseStateTag({ state }: { state: PhaseState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={PHASE_COLORS[state]} data-size="sm">
      {t(`projects.phaseState.${state}`)}
    </Tag>
  );
}

export function DeliverableStateTag({ state }: { state: DeliverableState }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={DELIVERABLE_COLORS[state]} data-size="sm">
      {t(`deliverables.state.${state}`)}
    </Tag>
  );
}

export function DecisionOutcomeTag({ outcome }: { outcome: DecisionOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={OUTCOME_COLORS[outcome]} data-size="sm">
      {t(`gates.outcome.${outcome}`)}
    </Tag>
  );
}

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={PROJECT_COLORS[status]} data-size="sm">
      {t(`projects.status.${status}`)}
    </Tag>
  );
}
