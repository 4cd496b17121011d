import { useId } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { PopulationHistory } from '../api/get-kommune-population';
import { TableScroll } from '../../../components/table-scroll';

const ACTION_KEYS = {
  'population.recorded': 'regions.population.actions.recorded',
  'population.corrected': 'regions.population.actions.corrected',
  'population.deleted': 'regions.population.actions.deleted',
} as const;

/** Every change to the kommune's figures, newest first. */
export function PopulationChanges({ kommune, history }: { kommune: { id: string; name: string }; history: PopulationHistory }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const count = (n: number | null) => (n === null ? '–' : format.number(n));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('regions.population.changesHeading')}
      </Heading>
      {history.events.length === 0 ? (
        <Paragraph>{t('regions.population.noChanges')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border data-size="sm">
            <caption>{t('regions.population.changesCaption', { kommune: kommune.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('regions.population.changes.at')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.what')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('regions.population.changes.asOf')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('regions.population.changes.before')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('regions.population.changes.after')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.events.map((event) => (
                <Table.Row key={event.id}>
                  <Table.Cell>{format.dateTime(event.at)}</Table.Cell>
                  <Table.Cell>{event.actorName}</Table.Cell>
                  <Table.Cell>{t(ACTION_KEYS[event.action])}</Table.Cell>
                  <Table.Cell>{format.date(event.asOf)}</Table.Cell>
                  <Table.Cell className="numeric">{count(event.before)}</Table.Cell>
                  <Table.Cell className="numeric">{count(event.after)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
