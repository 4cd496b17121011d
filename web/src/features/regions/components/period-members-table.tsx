import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../api/types';
import { useFormat } from '../../../lib/format';
import { TableScroll } from '../../../components/table-scroll';

/** Former or upcoming members: who, and from when to when. */
export function PeriodMembersTable({ caption, members }: { caption: string; members: Membership[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableScroll>
      <Table zebra border>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('regions.members.columns.number')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.county')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.from')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.members.columns.to')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {members.map((membership) => (
            <Table.Row key={membership.id}>
              <Table.Cell>{membership.kommune.number}</Table.Cell>
              <Table.HeaderCell scope="row">{membership.kommune.name}</Table.HeaderCell>
              <Table.Cell>{membership.kommune.county}</Table.Cell>
              <Table.Cell>{format.date(membership.validFrom)}</Table.Cell>
              <Table.Cell>{membership.validTo ? format.date(membership.validTo) : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
