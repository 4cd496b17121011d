import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegionSummary } from '../../../api/types';
import { useFormat } from '../../../lib/format';
import { TableScroll } from '../../../components/table-scroll';

export function RegionsTable({ regions }: { regions: RegionSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();

  if (regions.length === 0) {
    return <Paragraph>{t('regions.list.empty')}</Paragraph>;
  }

  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('regions.list.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('regions.list.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.list.columns.council')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('regions.list.columns.members')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('regions.list.columns.population')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('regions.list.columns.counties')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {regions.map((region) => (
            <Table.Row key={region.id}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to={`/regioner/${region.id}`}>{region.name}</RouterLink>
                </Link>
              </Table.HeaderCell>
              <Table.Cell>{region.councilName}</Table.Cell>
              <Table.Cell className="numeric">{format.number(region.memberCount)}</Table.Cell>
              <Table.Cell className="numeric">{format.number(region.totalPopulation)}</Table.Cell>
              <Table.Cell>{region.counties.length > 0 ? region.counties.join(', ') : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
