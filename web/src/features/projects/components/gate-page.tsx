import { useCallback, useRef, useState } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { nextPhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { StatusMessage } from '../../../components/status-message';
import { useCatalogue } from '../../../lib/catalogue';
import { CheckpointsSection } from './checkpoints-section';
import { DecisionForm } from './decision-form';
import { ReadinessChecklist } from './readiness-checklist';
import { PhaseStateTag } from './state-tags';
import { SubmissionsList } from './submissions-list';
import { SubmitGateForm } from './submit-gate-form';

/**
 * The decision gate at the end of a phase: is it ready (checklist), the leader's checkpoints and
 * "send to decision", the regionråd's decision form, and every earlier submission and decision.
 */
export function GatePage({ project, gate }: { project: Project; gate: Gate }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const phase = catalogue.phaseTitle(gate.phaseKey);
  const next = nextPhaseKey(gate.phaseKey);

  /** After a step that changes the page (submitted, decided): announce it and start reading from the top. */
  const announce = useCallback((message: string) => {
    setStatus(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  const pending = gate.submissions.find((s) => s.id === gate.pendingSubmissionId);

  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1}>
            {t('gates.title', { phase })}
          </Heading>
          <PhaseStateTag state={gate.phaseState} />
        </div>
      </div>
      <Paragraph className="lead">
        {next
          ? t('gates.intro', { council: project.councilName, phase, next: catalogue.phaseTitle(next) })
          : t('gates.introLast', { council: project.councilName, phase })}
      </Paragraph>
      <StatusMessage message={status} />
      {gate.phaseState === 'awaiting_decision' && pending && !gate.permissions.decide && (
        <Alert data-color="info">
          <Paragraph>{t('gates.awaiting', { council: project.councilName })}</Paragraph>
        </Alert>
      )}
      {gate.phaseState === 'not_started' && (
        <Alert data-color="info">
          <Paragraph>{t('gates.notStarted', { phase })}</Paragraph>
        </Alert>
      )}
      <ReadinessChecklist project={project} gate={gate} />
      <CheckpointsSection gate={gate} />
      {gate.permissions.decide && gate.pendingSubmissionId && <DecisionForm project={project} gate={gate} onDecided={announce} />}
      {gate.permissions.submit && <SubmitGateForm project={project} gate={gate} onSubmitted={announce} />}
      <SubmissionsList project={project} gate={gate} onChanged={setStatus} />
    </>
  );
}
