import { useId } from 'react';
import { Alert, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { nextPhaseKey } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useGatePlan } from '../api/get-gate-plan';
import { useTemplateText } from '../../../lib/template-text';

/**
 * After a send-back: the decision text is the task, and what the decision reopened is listed, each
 * linked to where it is redone. Shown while the phase is being reworked.
 */
export function SentBackNotice({ project, gate }: { project: Project; gate: Gate }) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingId = useId();
  const latest = gate.submissions[0];
  const decision = latest?.decision;
  const next = nextPhaseKey(gate.phaseKey);
  const plan = useGatePlan(project.id, decision?.reopened?.planSections.length ? next : null);
  if (gate.phaseState !== 'in_progress' || decision?.outcome !== 'sent_back') return null;
  const reopened = decision.reopened;
  const deliverables = project.phases.flatMap((p) => p.deliverables);
  const planPath = next ? `/prosjekter/${project.id}/faser/${next}/plan` : null;
  const nextTitle = next ? catalogue.phaseTitle(next) : '';

  return (
    <Alert data-color="warning" className="sent-back">
      <section aria-labelledby={headingId}>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('gate.sentBack.heading', { body: decision.bodyName ?? project.councilName })}
        </Heading>
        <Paragraph>{t('gate.sentBack.when', { date: format.date(decision.meetingDate), caseNumber: decision.caseNumber })}</Paragraph>
        <blockquote className="prewrap">{decision.decisionText}</blockquote>
        {reopened && (
          <>
            <Paragraph>{t('gate.sentBack.reopened')}</Paragraph>
            <List.Unordered>
              {reopened.deliverableIds.map((id) => {
                const d = deliverables.find((x) => x.id === id);
                return (
                  <List.Item key={id}>
                    <Link asChild>
                      <RouterLink to={`/prosjekter/${project.id}/leveranser/${id}`}>{d ? catalogue.deliverableTitle(d) : id}</RouterLink>
                    </Link>
                    {d && ` (${t(`deliverables.state.${d.state}`)})`}
                  </List.Item>
                );
              })}
              {reopened.planSections.map((key) => (
                <List.Item key={`plan-${key}`}>
                  {planPath ? (
                    <Link asChild>
                      <RouterLink to={planPath}>
                        {t('gate.sentBack.planSection', {
                          section: tt(plan.data?.sections.find((s) => s.key === key)?.title) || key,
                          phase: nextTitle,
                        })}
                      </RouterLink>
                    </Link>
                  ) : (
                    key
                  )}
                </List.Item>
              ))}
              {reopened.budget && (
                <List.Item>
                  {planPath ? (
                    <Link asChild>
                      <RouterLink to={planPath}>{t('gate.sentBack.budget', { phase: nextTitle })}</RouterLink>
                    </Link>
                  ) : (
                    t('gate.sentBack.budget', { phase: nextTitle })
                  )}
                </List.Item>
              )}
            </List.Unordered>
          </>
        )}
        <Paragraph>{t('gate.sentBack.resubmit')}</Paragraph>
      </section>
    </Alert>
  );
}
