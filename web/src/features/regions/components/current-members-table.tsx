import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Membership, Region } from '../../../api/types';
import { useFormat } from '../../../lib/format';
import { TableScroll } from '../../../components/table-scroll';

/** Members in force today, with population per kommune and the region's total in the footer. */
export function CurrentMembersTable({
  region,
  members,
  onEnd,
}: {
  region: Region;
  members: Membership[];
  /** Offers "end membership" per row; leave out for people who may only read. */
  onEnd?: (membership: Membership) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();

  if (members.length === 0) {
    return <Paragraph>{t('regions.members.none')}</Paragraph>;
  }

  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('regions.members.caption', { region: region.name })}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('regions.members.columns.number')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.county')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('regions.members.columns.population')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.from')}</Table.HeaderCell>
            {onEnd && <Table.HeaderCell scope="col">{t('regions.members.columns.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {members.map((membership) => {
            const { kommune } = membership;
            return (
              <Table.Row key={membership.id}>
                <Table.Cell>{kommune.number}</Table.Cell>
                <Table.HeaderCell scope="row">{kommune.name}</Table.HeaderCell>
                <Table.Cell>{kommune.county}</Table.Cell>
                <Table.Cell className="numeric">
                  {kommune.population ? (
                    <>
                      {format.number(kommune.population.count)}
                      <span className="cell-note">{t('regions.members.asOf', { date: format.date(kommune.population.asOf) })}</span>
                    </>
                  ) : (
                    t('common.unknown')
                  )}
                </Table.Cell>
                <Table.Cell>{format.date(membership.validFrom)}</Table.Cell>
                {onEnd && (
                  <Table.Cell>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('regions.members.endFor', { kommune: kommune.name })}
                      onClick={() => onEnd(membership)}
                    >
                      {t('regions.members.end')}
                    </Button>
                  </Table.Cell>
                )}
              </Table.Row>
            );
          })}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row" colSpan={3}>
              {t('regions.members.total')}
            </Table.HeaderCell>
            <Table.Cell className="numeric">
              {format.number(region.totalPopulation)}
              {region.populationAsOf && (
                <span className="cell-note">{t('regions.members.asOf', { date: format.date(region.populationAsOf) })}</span>
              )}
            </Table.Cell>
            <Table.Cell colSpan={onEnd ? 2 : 1} />
          </Table.Row>
        </Table.Foot>
      </Table>
    </TableScroll>
  );
}
