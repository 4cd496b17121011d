import { useId } from 'react';
import { Heading, Link, List } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../api/types';

/** On a project's page: each phase's plan (budget, cost sharing, versions) and the status reports. */
export function ProjectFollowUpLinks({ project }: { project: Pick<Project, 'id' | 'phases'> }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('progress.projectLinks.heading')}
      </Heading>
      <List.Unordered>
        {project.phases.map((phase) => (
          <List.Item key={phase.key}>
            <Link asChild>
              <RouterLink to={`/prosjekter/${project.id}/faser/${phase.key}/plan`}>
                {t('progress.projectLinks.plan', { phase: t(`plans.phaseDefinite.${phase.key}`) })}
              </RouterLink>
            </Link>
          </List.Item>
        ))}
        <List.Item>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/statusrapporter`}>{t('progress.projectLinks.reports')}</RouterLink>
          </Link>
        </List.Item>
        <List.Item>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/kartlegging`}>{t('surveys.projectLinks.mapping')}</RouterLink>
          </Link>
        </List.Item>
        <List.Item>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/anbefalinger`}>{t('surveys.projectLinks.recommendations')}</RouterLink>
          </Link>
        </List.Item>
        <List.Item>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/risikoer`}>{t('risks.projectLink')}</RouterLink>
          </Link>
        </List.Item>
        <List.Item>
          <Link asChild>
            <RouterLink to={`/prosjekter/${project.id}/gevinster`}>{t('benefits.projectLink')}</RouterLink>
          </Link>
        </List.Item>
        {project.phases.some((p) => p.key === 'hovedprosjekt' && p.state !== 'not_started') && (
          <List.Item>
            <Link asChild>
              <RouterLink to={`/prosjekter/${project.id}/avslutning`}>{t('layout.navClosing')}</RouterLink>
            </Link>
          </List.Item>
        )}
      </List.Unordered>
    </section>
  );
}
