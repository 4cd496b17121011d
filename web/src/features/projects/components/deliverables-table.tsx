import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { nextPhaseKey, todayInOslo } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../api/types';
import { deliverableSpec, inCatalogueOrder, useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { DeliverableStateTag } from './state-tags';
import { TableScroll } from '../../../components/table-scroll';

/** A phase's deliverables in catalogue order: state (Tag with text), owner, due date and number of files. */
export function DeliverablesTable({
  projectId,
  phase,
  caption,
  hideCaption = false,
}: {
  projectId: string;
  phase: Phase;
  caption: string;
  /** When a heading right above says the same, the caption is for screen readers only. */
  hideCaption?: boolean;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const today = todayInOslo();
  const deliverables = inCatalogueOrder(phase.key, phase.deliverables);

  if (deliverables.length === 0) {
    return <Paragraph>{t('projects.deliverables.none')}</Paragraph>;
  }

  return (
    <TableScroll>
      <Table zebra border>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('projects.deliverables.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.deliverables.columns.state')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.deliverables.columns.owner')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.deliverables.columns.due')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('projects.deliverables.columns.files')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {deliverables.map((d) => {
            const overdue = d.dueDate !== null && d.dueDate < today && (d.state === 'draft' || d.state === 'returned');
            // The plan deliverable is written in the next phase's plan editor.
            const planPhase = deliverableSpec(d.key)?.nextPhasePlan ? nextPhaseKey(phase.key) : null;
            return (
              <Table.Row key={d.id}>
                <Table.HeaderCell scope="row">
                  <Link asChild>
                    <RouterLink to={`/prosjekter/${projectId}/leveranser/${d.id}`}>{catalogue.deliverableTitle(d)}</RouterLink>
                  </Link>
                  {!d.required && <span className="cell-note">{t('projects.deliverables.optional')}</span>}
                  {planPhase && (
                    <span className="cell-note">
                      <Link asChild>
                        <RouterLink to={`/prosjekter/${projectId}/faser/${planPhase}/plan`}>
                          {t('caseRoute.plan.open', { phase: t(`caseRoute.gates.${planPhase as 'forprosjekt' | 'hovedprosjekt'}`) })}
                        </RouterLink>
                      </Link>
                    </span>
                  )}
                </Table.HeaderCell>
                <Table.Cell>
                  <DeliverableStateTag state={d.state} />
                </Table.Cell>
                <Table.Cell>{d.owner?.name ?? <span className="muted">{t('projects.deliverables.noOwner')}</span>}</Table.Cell>
                <Table.Cell>
                  {d.dueDate ? format.date(d.dueDate) : '–'}
                  {overdue && <span className="cell-note cell-note--warning">{t('projects.deliverables.overdue')}</span>}
                </Table.Cell>
                <Table.Cell className="numeric">{format.number(d.fileCount)}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
