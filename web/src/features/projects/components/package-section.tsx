import { useId, type ReactNode } from 'react';
import { Heading, Link, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { nextPhaseKey, type PhaseKey } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { inCatalogueOrder, useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useGatePlan } from '../api/get-gate-plan';
import { DeliverableStateTag } from './state-tags';
import { TableScroll } from '../../../components/table-scroll';

/**
 * "Pakken": what the owner decides on, in one place: the readiness checklist (passed in), the phase's
 * deliverables with their states, the next phase's plan and how complete it is, what changed since the
 * last submission, and the case documents.
 */
export function PackageSection({
  project,
  gate,
  checklist,
  documents,
}: {
  project: Project;
  gate: Gate;
  checklist: ReactNode;
  documents: ReactNode;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const headingId = useId();
  const deliverablesId = useId();
  const phase = project.phases.find((p) => p.key === gate.phaseKey);
  const deliverables = inCatalogueOrder(gate.phaseKey, phase?.deliverables ?? []);
  const next = nextPhaseKey(gate.phaseKey);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gate.package.heading')}
      </Heading>
      <Paragraph>
        {t(next ? 'gate.package.intro' : 'gate.package.introLast', {
          phase: catalogue.phaseTitle(gate.phaseKey),
          next: next ? catalogue.phaseTitle(next) : '',
        })}
      </Paragraph>
      {checklist}
      <section aria-labelledby={deliverablesId} className="section">
        <Heading level={3} data-size="sm" id={deliverablesId}>
          {t('gate.package.deliverables')}
        </Heading>
        {deliverables.length === 0 ? (
          <Paragraph>{t('projects.deliverables.none')}</Paragraph>
        ) : (
          <TableScroll>
            <Table zebra border>
              <caption className="visually-hidden">{t('gate.package.deliverables')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('projects.deliverables.columns.title')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('projects.deliverables.columns.state')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('gate.package.changed')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {deliverables.map((d) => {
                  const changed = gate.changesSinceLast.some((c) => c.kind === 'deliverable' && c.id === d.id);
                  return (
                    <Table.Row key={d.id}>
                      <Table.HeaderCell scope="row">
                        <Link asChild>
                          <RouterLink to={`/prosjekter/${project.id}/leveranser/${d.id}`}>{catalogue.deliverableTitle(d)}</RouterLink>
                        </Link>
                      </Table.HeaderCell>
                      <Table.Cell>
                        <DeliverableStateTag state={d.state} />
                      </Table.Cell>
                      <Table.Cell>{changed ? t('gate.package.changedYes') : '–'}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </TableScroll>
        )}
        {next && <NextPlan project={project} phaseKey={next} />}
      </section>
      <ChangesSinceLast project={project} gate={gate} />
      {documents}
    </section>
  );
}

function NextPlan({ project, phaseKey }: { project: Project; phaseKey: PhaseKey }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const plan = useGatePlan(project.id, phaseKey);
  const phase = catalogue.phaseTitle(phaseKey);
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={`/prosjekter/${project.id}/faser/${phaseKey}/plan`}>{t('gate.package.planLink', { phase })}</RouterLink>
      </Link>
      {plan.data && ` – ${t('gate.package.planFields', { filled: plan.data.completeness.filled, count: plan.data.completeness.required })}`}
    </Paragraph>
  );
}

function ChangesSinceLast({ project, gate }: { project: Project; gate: Gate }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingId = useId();
  const previous = gate.submissions[1];
  if (!previous) return null;
  const next = nextPhaseKey(gate.phaseKey);
  const title = (c: Gate['changesSinceLast'][number]) => {
    switch (c.kind) {
      case 'deliverable': {
        const d = project.phases.flatMap((p) => p.deliverables).find((x) => x.id === c.id);
        return d ? catalogue.deliverableTitle(d) : c.title;
      }
      case 'plan':
        return t('gate.package.changePlan', { phase: next ? catalogue.phaseTitle(next) : '' });
      case 'budget':
        return t('gate.package.changeBudget', { phase: next ? catalogue.phaseTitle(next) : '' });
    }
  };
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('gate.package.changesHeading')}
      </Heading>
      <Paragraph>{t('gate.package.changesIntro', { date: format.dateTime(previous.submittedAt) })}</Paragraph>
      {gate.changesSinceLast.length === 0 ? (
        <Paragraph>{t('gate.package.noChanges')}</Paragraph>
      ) : (
        <List.Unordered>
          {gate.changesSinceLast.map((c) => (
            <List.Item key={`${c.kind}-${c.id}`}>{title(c)}</List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}
