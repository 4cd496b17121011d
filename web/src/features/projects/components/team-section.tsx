import { useId } from 'react';
import { Heading, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';
import { EditTeamDialog } from './edit-team-dialog';

/**
 * Owner, leader, project group and participating kommuner. Those who manage the project (regionråd,
 * administrators) change the team, choosing from the people directory.
 */
export function TeamSection({
  project,
  people,
  onSaved,
}: {
  project: Project;
  /** People to choose from (the directory); undefined while loading or for those who cannot choose.  */
  people: Person[] | undefined;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const members = [...project.members].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const kommuner = [...project.kommuner].sort((a, b) => a.name.localeCompare(b.name, 'nb'));

  return (
    <section aria-labelledby={headingId} className="section">
      <div className="section-header">
        <Heading level={2} data-size="md" id={headingId}>
          {t('projects.team.heading')}
        </Heading>
        {project.permissions.manage && people && <EditTeamDialog project={project} people={people} onSaved={onSaved} />}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('projects.team.owner')}</dt>
          <dd>{project.councilName}</dd>
        </div>
        <div>
          <dt>{t('projects.team.leader')}</dt>
          <dd>{project.leader ? <PersonText person={project.leader} /> : <span className="muted">{t('projects.noLeader')}</span>}</dd>
        </div>
        <div>
          <dt>{t('projects.team.members')}</dt>
          <dd>
            {members.length > 0 ? (
              <List.Unordered data-size="sm">
                {members.map((m) => (
                  <List.Item key={m.id}>
                    <PersonText person={m} />
                  </List.Item>
                ))}
              </List.Unordered>
            ) : (
              <span className="muted">{t('projects.team.noMembers')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('projects.team.kommuner')}</dt>
          <dd>
            {kommuner.length > 0 ? (
              <List.Unordered data-size="sm">
                {kommuner.map((k) => (
                  <List.Item key={k.id}>
                    {k.name} <span className="muted">({k.number})</span>
                  </List.Item>
                ))}
              </List.Unordered>
            ) : (
              <span className="muted">{t('projects.team.noKommuner')}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function PersonText({ person }: { person: Person }) {
  return (
    <>
      {person.name} <span className="muted">({person.email})</span>
    </>
  );
}
