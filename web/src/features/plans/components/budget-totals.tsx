import { Alert, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { BudgetTotals } from '../../../api/plan-types';
import { formatKroner } from '../../../lib/money';
import { TableScroll } from '../../../components/table-scroll';

/** Costs, financing and the difference per year, with the whole budget in the footer. */
export function BudgetTotalsTable({ totals, caption }: { totals: BudgetTotals; caption: string }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  return (
    <TableScroll>
      <Table border zebra data-size="sm" className="plan-table plan-table--narrow">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plans.budget.year')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.costs')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.financing')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.difference')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {totals.byYear.map((y) => (
            <Table.Row key={y.year}>
              <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
              <Table.Cell className="numeric">{kr(y.costs)}</Table.Cell>
              <Table.Cell className="numeric">{kr(y.financing)}</Table.Cell>
              <Table.Cell className="numeric">{kr(y.difference)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('plans.budget.total')}</Table.HeaderCell>
            <Table.Cell className="numeric">{kr(totals.costs)}</Table.Cell>
            <Table.Cell className="numeric">{kr(totals.financing)}</Table.Cell>
            <Table.Cell className="numeric">{kr(totals.difference)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </TableScroll>
  );
}

/** Whether costs and financing balance, in words (the gate needs a balanced budget for the next phase's plan). */
export function BalanceMessage({ totals }: { totals: BudgetTotals }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  if (totals.empty) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('plans.budget.balance.empty')}</Paragraph>
      </Alert>
    );
  }
  if (totals.balanced) {
    return (
      <Alert data-color="success">
        <Paragraph>{t('plans.budget.balance.balanced', { amount: kr(totals.costs) })}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color="warning">
      <Paragraph>
        {totals.difference > 0
          ? t('plans.budget.balance.underFinanced', { amount: kr(totals.difference) })
          : t('plans.budget.balance.overFinanced', { amount: kr(-totals.difference) })}{' '}
        {t('plans.budget.balance.gate')}
      </Paragraph>
    </Alert>
  );
}
