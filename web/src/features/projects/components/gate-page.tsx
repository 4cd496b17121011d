import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { nextPhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { StatusMessage } from '../../../components/status-message';
import { useCatalogue } from '../../../lib/catalogue';
import { CaseRouteSection } from './case-route-section';
import { CheckpointsSection } from './checkpoints-section';
import { ConditionsSection } from './conditions-section';
import { DecisionForm } from './decision-form';
import { GateDocuments } from './gate-documents';
import { KommuneCasesSection } from './kommune-cases-section';
import { PackageSection } from './package-section';
import { ProposedDecisionSection } from './proposed-decision-section';
import { ReadinessChecklist } from './readiness-checklist';
import { SentBackNotice } from './sent-back-notice';
import { PhaseStateTag } from './state-tags';
import { SubmissionsList } from './submissions-list';
import { SubmitGateForm } from './submit-gate-form';
import './gate.css';

/**
 * The decision gate at the end of a phase, as a secretariat runs it: the package (checklist,
 * deliverables, plan, changes, documents), the conditions to follow up, the leader's checkpoints and
 * "send to decision", the case route through the bodies, each kommunestyre's decision, the proposed
 * decision, the deciding body's decision form, and every earlier submission and decision.
 * `basisDocuments` are offered before the case has documents of its own (the phase not yet submitted).
 */
export function GatePage({ project, gate, basisDocuments }: { project: Project; gate: Gate; basisDocuments?: ReactNode }) {
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
  const holder = gate.caseRoute.find((s) => s.current);
  const awaiting = gate.phaseState === 'awaiting_decision' && pending;
  // After a send-back the phase is reworked: the closed case's route, kommune cases and proposal are history
  // (kept in "Innsendinger og vedtak"), not the page's business until the package goes in again.
  const reworking = gate.phaseState === 'in_progress' && gate.submissions[0]?.decision?.outcome === 'sent_back';

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
      {awaiting && (
        <Alert data-color="info">
          <Paragraph>
            {holder ? t('gate.route.at', { body: holder.bodyName }) : t('gates.awaiting', { council: project.councilName })}
          </Paragraph>
        </Alert>
      )}
      {gate.phaseState === 'not_started' && (
        <Alert data-color="info">
          <Paragraph>{t('gates.notStarted', { phase })}</Paragraph>
        </Alert>
      )}
      <SentBackNotice project={project} gate={gate} />
      <PackageSection
        project={project}
        gate={gate}
        checklist={<ReadinessChecklist project={project} gate={gate} />}
        documents={<GateDocuments project={project} gate={gate} basisDocuments={basisDocuments} />}
      />
      <ConditionsSection project={project} gate={gate} onChanged={setStatus} />
      <CheckpointsSection gate={gate} />
      {gate.permissions.submit && gate.phaseState === 'in_progress' && (
        <SubmitGateForm project={project} gate={gate} onSubmitted={announce} />
      )}
      {gate.caseRoute.length > 0 && !reworking && <CaseRouteSection project={project} gate={gate} onChanged={setStatus} />}
      {!reworking && <KommuneCasesSection project={project} gate={gate} onChanged={setStatus} />}
      {(awaiting || (gate.proposedDecision && !reworking)) && <ProposedDecisionSection project={project} gate={gate} onSaved={setStatus} />}
      {gate.permissions.decide && awaiting && <DecisionForm project={project} gate={gate} onDecided={announce} />}
      <SubmissionsList project={project} gate={gate} onChanged={setStatus} />
    </>
  );
}
