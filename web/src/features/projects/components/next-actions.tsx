import { useId } from 'react';
import { Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NextAction, Project } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';
import { describeNextAction } from '../../../lib/next-action';

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
  const { to, text } = describeNextAction(project, action, t, catalogue);
  return to ? (
    <Link asChild>
      <RouterLink to={to}>{text}</RouterLink>
    </Link>
  ) : (
    <>{text}</>
  );
}
