import { useId, useState } from 'react';
import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useTopRisks } from '../api/get-top-risks';
import { useRiskText } from './risk-text';
import './risks.css';
import { TableScroll } from '../../../components/table-scroll';

const FEW = 5;
const MANY = 20;

/**
 * The portfolio's "largest risks": the open risks of the active projects the adviser, regionråd or admin
 * follows, the highest after measures first, each with its project; five at first, twenty on request.
 */
export function TopRisks() {
  const { t } = useTranslation();
  const words = useRiskText();
  const headingId = useId();
  const [limit, setLimit] = useState(FEW);
  const query = useTopRisks(limit);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('risks.top.heading')}
      </Heading>
      <Paragraph>{t('risks.top.intro')}</Paragraph>
      {query.isPending ? (
        <Loading label={t('risks.top.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} />
      ) : query.data.rows.length === 0 ? (
        <Paragraph>{t('risks.top.empty')}</Paragraph>
      ) : (
        <>
          <TableScroll>
            <Table zebra border>
              <caption>{t('risks.top.caption', { count: query.data.rows.length, total: query.data.totalOpen })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('risks.columns.description')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('risks.columns.project')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('risks.columns.after')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('risks.columns.owner')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('risks.columns.proximity')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {query.data.rows.map((r) => (
                  <Table.Row key={r.id}>
                    <Table.Cell>
                      <span className="risks__number">{t('risks.number', { n: r.number })}</span> {r.description}
                    </Table.Cell>
                    <Table.Cell>
                      <Link asChild>
                        <RouterLink to={`/prosjekter/${r.projectId}/risikoer`}>{r.projectName}</RouterLink>
                      </Link>
                      <span className="cell-note">{r.regionName}</span>
                    </Table.Cell>
                    <Table.Cell>
                      <span className="risks__score">
                        <span className={`risks__level risks__level--${r.levelAfter}`} aria-hidden="true" />
                        {words.score(r.scoreAfter, r.levelAfter)}
                      </span>
                    </Table.Cell>
                    <Table.Cell>{r.ownerName ?? t('risks.noOwner')}</Table.Cell>
                    <Table.Cell>
                      {words.quarter(r.proximity)}
                      {r.proximity && <span className="cell-note">{words.nearness(r.proximity)}</span>}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
          {(limit === FEW ? query.data.totalOpen > FEW : true) && (
            <Button variant="tertiary" data-size="sm" onClick={() => setLimit(limit === FEW ? MANY : FEW)}>
              {limit === FEW ? t('risks.top.more') : t('risks.top.fewer')}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
