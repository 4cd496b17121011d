import { useId } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { ExclamationmarkTriangleFillIcon } from '@navikt/aksel-icons';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Phase, Project } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { PhaseDatesDialog } from './phase-dates-dialog';
import { PhaseStateTag } from './state-tags';

/** The three PLP phases as an ordered list of steps; the current one has aria-current="step". */
export function PhaseStepper({ project, onSaved }: { project: Project; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('projects.stepper.heading')}
      </Heading>
      <ol className="stepper" aria-labelledby={headingId}>
        {project.phases.map((phase) => (
          <PhaseStep key={phase.key} project={project} phase={phase} onSaved={onSaved} />
        ))}
      </ol>
    </section>
  );
}

function PhaseStep({ project, phase, onSaved }: { project: Project; phase: Phase; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const current = project.currentPhaseKey === phase.key;
  const title = catalogue.phaseTitle(phase.key);
  const started = phase.state !== 'not_started';
  const canPlan = project.permissions.edit && (phase.state === 'not_started' || phase.state === 'in_progress');
  const duration = useDurationText(phase);

  return (
    <li className={`stepper__step stepper__step--${phase.state}`} aria-current={current ? 'step' : undefined}>
      <div className="stepper__marker" aria-hidden="true">
        {phase.position}
      </div>
      <div className="stepper__body">
        <div className="stepper__title">
          <Heading level={3} data-size="xs">
            {title}
          </Heading>
          <PhaseStateTag state={phase.state} />
          {current && <span className="visually-hidden">{t('projects.stepper.current')}</span>}
        </div>
        <dl className="stepper__facts">
          <div>
            <dt>{t('projects.stepper.planned')}</dt>
            <dd>
              {phase.plannedStart || phase.plannedEnd
                ? t('projects.stepper.period', {
                    from: phase.plannedStart ? format.date(phase.plannedStart) : '…',
                    to: phase.plannedEnd ? format.date(phase.plannedEnd) : '…',
                  })
                : t('projects.stepper.notPlanned')}
            </dd>
          </div>
          {started && phase.actualStart && (
            <div>
              <dt>{t('projects.stepper.actual')}</dt>
              <dd>
                {phase.actualEnd
                  ? t('projects.stepper.period', { from: format.date(phase.actualStart), to: format.date(phase.actualEnd) })
                  : t('projects.stepper.since', { date: format.date(phase.actualStart) })}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('projects.stepper.duration')}</dt>
            <dd>
              {duration.text}
              {duration.warning && (
                <span className="stepper__warning">
                  <ExclamationmarkTriangleFillIcon aria-hidden="true" />
                  {duration.warning}
                </span>
              )}
            </dd>
          </div>
        </dl>
        <div className="stepper__actions">
          {started && (
            <Paragraph data-size="sm">
              <Link asChild>
                <RouterLink to={`/prosjekter/${project.id}/faser/${phase.key}/beslutning`}>
                  {t('projects.stepper.gateLink', { phase: title })}
                </RouterLink>
              </Link>
            </Paragraph>
          )}
          {canPlan && <PhaseDatesDialog projectId={project.id} phase={phase} onSaved={onSaved} />}
        </div>
      </div>
    </li>
  );
}

/** Months spent against the catalogue's recommendation; a warning only when a finished or running phase is outside it. */
function useDurationText(phase: Phase): { text: string; warning: string | null } {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const recommended = catalogue.recommendedMonths(phase.key);
  const { months, status } = phase.duration;

  if (phase.state === 'not_started' || months === null) {
    return {
      text: recommended
        ? t('projects.stepper.recommendedOnly', { min: recommended.min, max: recommended.max })
        : t('projects.stepper.noRecommendation'),
      warning: null,
    };
  }
  const text = recommended
    ? t('projects.stepper.monthsOfRecommended', { count: months, min: recommended.min, max: recommended.max })
    : t('projects.stepper.months', { count: months });
  // A running phase is naturally shorter than recommended; only a finished (or submitted) one is "too short".
  const warning =
    status === 'long'
      ? t('projects.stepper.tooLong')
      : status === 'short' && phase.state !== 'in_progress'
        ? t('projects.stepper.tooShort')
        : null;
  return { text, warning };
}
