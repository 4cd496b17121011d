import { useId, useState } from 'react';
import { Details, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Person, Phase, Project } from '../../../api/types';
import { StatusMessage } from '../../../components/status-message';
import { useCatalogue } from '../../../lib/catalogue';
import { DeliverablesTable } from './deliverables-table';
import { EditProjectDialog } from './edit-project-dialog';
import { HistorySection } from './history-section';
import type { KommuneOption } from './kommuner-fieldset';
import { NextActionsPanel } from './next-actions';
import { PhaseStepper } from './phase-stepper';
import { ProjectStatusTag } from './state-tags';
import { TeamSection } from './team-section';

/** Everything on a project's page below the breadcrumbs. */
export function ProjectOverview({
  project,
  people,
  regionKommuner,
}: {
  project: Project;
  people: Person[] | undefined;
  regionKommuner: KommuneOption[] | undefined;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [saved, setSaved] = useState<string | null>(null);
  // The phase in progress (or awaiting decision); for a finished project, the last one that ran.
  const current =
    project.phases.find((p) => p.key === project.currentPhaseKey) ??
    [...project.phases].reverse().find((p) => p.state !== 'not_started') ??
    project.phases[0];
  const others = project.phases.filter((p) => p !== current && p.deliverables.length > 0);

  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg">
            {project.name}
          </Heading>
          {project.status !== 'active' && <ProjectStatusTag status={project.status} />}
        </div>
        {project.permissions.manage && <EditProjectDialog project={project} regionKommuner={regionKommuner} onSaved={setSaved} />}
      </div>
      <Paragraph className="lead">
        {t('projects.detail.regionLine', { council: project.councilName })}{' '}
        <Link asChild>
          <RouterLink to={`/regioner/${project.regionId}`}>{project.regionName}</RouterLink>
        </Link>
      </Paragraph>
      {project.description && <Paragraph className="prewrap">{project.description}</Paragraph>}
      <StatusMessage message={saved} />
      <NextActionsPanel project={project} />
      <PhaseStepper project={project} onSaved={setSaved} />
      {current && <PhaseDeliverables project={project} phase={current} />}
      {others.length > 0 && (
        <Details>
          <Details.Summary>{t('projects.deliverables.otherPhases')}</Details.Summary>
          <Details.Content>
            <div className="section">
              {others.map((phase) => (
                <DeliverablesTable
                  key={phase.key}
                  projectId={project.id}
                  phase={phase}
                  caption={t('projects.deliverables.caption', { phase: catalogue.phaseTitle(phase.key) })}
                />
              ))}
            </div>
          </Details.Content>
        </Details>
      )}
      <TeamSection project={project} people={people} onSaved={setSaved} />
      <HistorySection project={project} />
    </>
  );
}

function PhaseDeliverables({ project, phase }: { project: Project; phase: Phase }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  const title = catalogue.phaseTitle(phase.key);
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('projects.deliverables.heading', { phase: title })}
      </Heading>
      <Paragraph>
        <strong>{t('projects.deliverables.goal')}</strong> {catalogue.phaseGoal(phase.key)}
      </Paragraph>
      <DeliverablesTable projectId={project.id} phase={phase} caption={t('projects.deliverables.caption', { phase: title })} hideCaption />
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/faser/${phase.key}/beslutning`}>
            {t('projects.stepper.gateLink', { phase: title })}
          </RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}
