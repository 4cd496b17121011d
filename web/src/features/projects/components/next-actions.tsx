import { useId } from 'react';
import { Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NextAction, Project } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';

/** "Hva må gjøres nå": the server's next actions for the signed-in person, each linked to where it is done. */
export function NextActionsPanel({ project }: { project: Project }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card data-color="accent" variant="tinted" className="next-actions" aria-labelledby={headingId} asChild>
      <section>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('projects.next.heading')}
        </Heading>
        {project.nextActions.length === 1 && !hasLink(project.nextActions[0]) ? (
          <Paragraph>
            <ActionText project={project} action={project.nextActions[0]} />
          </Paragraph>
        ) : (
          <List.Unordered>
            {project.nextActions.map((action, i) => (
              <List.Item key={`${action.kind}-${action.deliverableId ?? action.key ?? i}`}>
                <ActionText project={project} action={action} />
              </List.Item>
            ))}
          </List.Unordered>
        )}
      </section>
    </Card>
  );
}

function hasLink(action: NextAction): boolean {
  return action.kind !== 'follow' && action.kind !== 'project_closed';
}

function ActionText({ project, action }: { project: Project; action: NextAction }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const phase = action.phaseKey ? catalogue.phaseTitle(action.phaseKey) : '';
  const deliverable = action.deliverableId ? findDeliverable(project, action.deliverableId) : undefined;
  const title = catalogue.deliverableTitle({ key: action.key ?? deliverable?.key ?? null, title: deliverable?.title });
  const deliverableUrl = `/prosjekter/${project.id}/leveranser/${action.deliverableId}`;
  const gateUrl = `/prosjekter/${project.id}/faser/${action.phaseKey}/beslutning`;
  const link = (to: string, text: string) => (
    <Link asChild>
      <RouterLink to={to}>{text}</RouterLink>
    </Link>
  );

  switch (action.kind) {
    case 'write_deliverable':
      return link(deliverableUrl, t('projects.next.write', { title }));
    case 'revise_deliverable':
      return link(deliverableUrl, t('projects.next.revise', { title }));
    case 'review_deliverable':
      return link(deliverableUrl, t('projects.next.review', { title }));
    case 'tick_checkpoint':
      return link(gateUrl, t('projects.next.tick', { checkpoint: action.phaseKey && action.key ? catalogue.checkpointTitle(action.phaseKey, action.key) : '' }));
    case 'submit_for_decision':
      return link(gateUrl, t('projects.next.submit', { phase }));
    case 'decide_gate':
      return link(gateUrl, t('projects.next.decide', { phase }));
    case 'await_decision':
      return link(gateUrl, t('projects.next.await', { phase }));
    case 'follow':
      return <>{t('projects.next.follow', { phase })}</>;
    case 'project_closed':
      return <>{t(project.status === 'stopped' ? 'projects.next.stopped' : 'projects.next.completed')}</>;
  }
}

function findDeliverable(project: Project, id: string) {
  for (const phase of project.phases) {
    const found = phase.deliverables.find((d) => d.id === id);
    if (found) return found;
  }
  return undefined;
}
