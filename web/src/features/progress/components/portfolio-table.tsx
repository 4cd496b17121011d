import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { ExclamationmarkTriangleFillIcon } from '@navikt/aksel-icons';
import { durationReading, type PortfolioSortKey, type SortOrder } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PortfolioRow } from '../../../api/progress-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { usePeriod } from './progress-text';
import { ReportColoursList } from './status-colours';
import { TableScroll } from '../../../components/table-scroll';

/** The first four columns, all sortable (the column's name is its sort key). */
const SORTABLE = ['name', 'region', 'phase', 'monthsInPhase'] as const;

/**
 * The portfolio as a table (the pages loaded so far, sorted by the server): each sortable column header is a button with aria-sort; months in the
 * phase against the recommended range (with a warning in words when outside), the latest status
 * colours with words, overdue deliverables and the next gate.
 */
export function PortfolioTable({
  rows,
  total,
  sort,
  order,
  onSort,
}: {
  rows: PortfolioRow[];
  /** Every project that matches, of which `rows` are the pages loaded so far. */
  total: number;
  sort: PortfolioSortKey;
  order: SortOrder;
  onSort: (key: PortfolioSortKey) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const period = usePeriod();

  const header = (key: PortfolioSortKey, label: string, className?: string) => (
    <Table.HeaderCell
      key={key}
      scope="col"
      className={className}
      sort={sort === key ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      onClick={() => onSort(key)}
    >
      {label}
    </Table.HeaderCell>
  );

  if (rows.length === 0) return <Paragraph>{t('progress.portfolio.empty')}</Paragraph>;

  return (
    <TableScroll>
      <Table zebra border data-size="sm" className="portfolio-table">
        <caption>
          {t('progress.portfolio.caption', { count: total, total: format.number(total) })}
          <span className="visually-hidden">
            ,{' '}
            {t('progress.portfolio.sortedBy', {
              column: t(`progress.portfolio.columns.${sortLabel(sort)}`),
              order: t(`progress.portfolio.order.${order}`),
            })}
          </span>
        </caption>
        <Table.Head>
          <Table.Row>
            {SORTABLE.map((key) => header(key, t(`progress.portfolio.columns.${key}`)))}
            <Table.HeaderCell scope="col">{t('progress.portfolio.columns.status')}</Table.HeaderCell>
            {header('overdue', t('progress.portfolio.columns.overdue'), 'numeric')}
            {header('nextGateDate', t('progress.portfolio.columns.nextGate'))}
            <Table.HeaderCell scope="col">{t('progress.portfolio.columns.waitingOn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.id}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to={`/prosjekter/${row.id}`}>{row.name}</RouterLink>
                </Link>
                {row.leader && <span className="cell-note">{t('progress.portfolio.leader', { name: row.leader.name })}</span>}
              </Table.HeaderCell>
              <Table.Cell>
                {row.regionName}
                {row.counties.length > 0 && <span className="cell-note">{row.counties.join(', ')}</span>}
              </Table.Cell>
              <Table.Cell>
                {row.currentPhaseKey ? (
                  <>
                    {catalogue.phaseTitle(row.currentPhaseKey)}
                    {row.currentPhaseState === 'awaiting_decision' && (
                      <span className="cell-note">{t('progress.portfolio.awaitingDecision')}</span>
                    )}
                  </>
                ) : (
                  t(`progress.portfolio.statuses.${row.status}`)
                )}
              </Table.Cell>
              <Table.Cell>
                <MonthsInPhase row={row} />
              </Table.Cell>
              <Table.Cell>
                {row.latestReport ? (
                  <>
                    <Link asChild>
                      <RouterLink to={`/prosjekter/${row.id}/statusrapporter/${row.latestReport.id}`}>
                        {period(row.latestReport.period)}
                      </RouterLink>
                    </Link>
                    <ReportColoursList colours={row.latestReport.colours} />
                  </>
                ) : (
                  <span className="muted">{t('progress.portfolio.noReport')}</span>
                )}
              </Table.Cell>
              <Table.Cell className="numeric">
                {row.overdueDeliverables > 0 ? (
                  <span className="portfolio-warning">
                    <ExclamationmarkTriangleFillIcon aria-hidden="true" />
                    {t('progress.portfolio.overdue', { count: row.overdueDeliverables })}
                  </span>
                ) : (
                  t('progress.portfolio.noneOverdue')
                )}
              </Table.Cell>
              <Table.Cell>
                {row.nextGate ? (
                  <>
                    {t('progress.portfolio.gateAfter', { phase: t(`plans.phaseDefinite.${row.nextGate.phaseKey}`) })}
                    <span className="cell-note">
                      {row.nextGate.expectedDate ? format.date(row.nextGate.expectedDate) : t('progress.portfolio.notPlanned')}
                    </span>
                  </>
                ) : (
                  <span className="muted">{t('progress.portfolio.noGate')}</span>
                )}
              </Table.Cell>
              <Table.Cell>
                <WaitingOn row={row} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** Who the project waits on now: the leader, the body holding its gate's case, the kommunestyrer, or no one; and since when. */
function WaitingOn({ row }: { row: PortfolioRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  const w = row.waitingOn;
  if (w.kind === 'none') return <span className="muted">{t('progress.portfolio.waitingOn.none')}</span>;
  const who =
    w.kind === 'leader'
      ? w.name
        ? t('progress.portfolio.waitingOn.leaderNamed', { name: w.name })
        : t('progress.portfolio.waitingOn.leader')
      : w.kind === 'kommuner'
        ? t('progress.portfolio.waitingOn.kommuner')
        : (w.name ?? '');
  return (
    <>
      {who}
      {w.since && <span className="cell-note">{t('progress.portfolio.waitingOn.since', { date: format.date(w.since) })}</span>}
    </>
  );
}

function sortLabel(sort: PortfolioSortKey) {
  return sort === 'nextGateDate' ? 'nextGate' : sort;
}

function MonthsInPhase({ row }: { row: PortfolioRow }) {
  const { t } = useTranslation();
  if (row.monthsInPhase === null) return <span className="muted">{t('progress.portfolio.noPhase')}</span>;
  const range = row.recommendedMonths;
  // A phase still running is naturally shorter than recommended: it is under way, and only "too long" warns.
  const reading = durationReading(row.durationStatus, row.currentPhaseState);
  const warning = reading === 'long' ? t('progress.portfolio.tooLong') : reading === 'short' ? t('progress.portfolio.tooShort') : null;
  return (
    <>
      {t('progress.portfolio.months', { count: row.monthsInPhase })}
      <span className="cell-note">
        {range ? t('progress.portfolio.recommended', { min: range.min, max: range.max }) : t('progress.portfolio.noRecommendation')}
      </span>
      {warning && (
        <span className="portfolio-warning">
          <ExclamationmarkTriangleFillIcon aria-hidden="true" />
          {warning}
        </span>
      )}
    </>
  );
}
