import { useId } from 'react';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatKroner } from '../../../lib/money';
import type { KommuneCases } from '../api/gate-types';
import { TableScroll } from '../../../components/table-scroll';

/**
 * What a "no" means, side by side: each continuing kommune's share in the plan and when the same total
 * is split among those that go on, and the gap in the financing while the shares are not committed.
 */
export function KommuneConsequence({ cases }: { cases: KommuneCases }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const kr = (amount: number) => formatKroner(amount, i18n.resolvedLanguage ?? 'nb');
  const { summary, continuing } = cases;
  if (summary.no === 0 && summary.notHandled === 0) return null;
  const leaving = cases.cases.filter((c) => c.outcome === 'no').map((c) => c.kommuneName);

  return (
    <section aria-labelledby={headingId} className="section consequence">
      <Heading level={3} data-size="sm" id={headingId}>
        {t('gate.consequence.heading')}
      </Heading>
      {leaving.length > 0 && (
        <Alert data-color="warning">
          <Paragraph>{t('gate.consequence.leaving', { count: leaving.length, names: leaving.join(', ') })}</Paragraph>
        </Alert>
      )}
      <dl className="facts">
        <div>
          <dt>{t('gate.consequence.shareTotal')}</dt>
          <dd>{kr(summary.shareTotal)}</dd>
        </div>
        <div>
          <dt>{t('gate.consequence.committed')}</dt>
          <dd>{kr(summary.committed)}</dd>
        </div>
        <div>
          <dt>{t('gate.consequence.gap')}</dt>
          <dd>
            <strong>{kr(summary.gap)}</strong>
          </dd>
        </div>
      </dl>
      {continuing && continuing.length > 0 && (
        <TableScroll>
          <Table zebra border>
            <caption>{t('gate.consequence.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('gate.kommuner.columns.kommune')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('gate.consequence.before')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('gate.consequence.after')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('gate.consequence.change')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {continuing.map((c) => (
                <Table.Row key={c.kommuneId}>
                  <Table.HeaderCell scope="row">{c.kommuneName}</Table.HeaderCell>
                  <Table.Cell className="numeric">{kr(c.before)}</Table.Cell>
                  <Table.Cell className="numeric">{kr(c.after)}</Table.Cell>
                  <Table.Cell className="numeric">
                    {c.after - c.before > 0 ? '+' : ''}
                    {kr(c.after - c.before)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
