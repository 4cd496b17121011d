import { useId } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { COUNTY_NAMES, PHASE_KEYS, PROJECT_STATUSES, type PortfolioSortKey, type SortOrder } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../lib/i18n';
import type { PortfolioFilters } from '../../../api/progress-types';
import { DownloadButtons } from '../../../components/download-buttons';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { exportPortfolio, portfolioExportUrl } from '../api/export-portfolio';
import { usePortfolio } from '../api/get-portfolio';
import { usePortfolioTimeline } from '../api/get-portfolio-timeline';
import { PortfolioTable } from './portfolio-table';
import { PortfolioTimeline } from './portfolio-timeline';
import './progress.css';

/**
 * The adviser's portfolio: filters (county, region, phase, status) and the order, both applied by the
 * server, which sends a page at a time with the totals of every match; "show more" adds the next page.
 * Exports hold every match in the same order; the timeline shows the same projects page by page.
 * Filters and order live in the address, so a view can be shared.
 */
export function PortfolioPage({
  filters,
  sort,
  order,
  regions,
  onFilters,
  onSort,
}: {
  filters: PortfolioFilters;
  sort: PortfolioSortKey;
  order: SortOrder;
  regions: { id: string; name: string }[];
  onFilters: (filters: PortfolioFilters) => void;
  onSort: (sort: PortfolioSortKey, order: SortOrder) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const format = useFormat();
  const catalogue = useCatalogue();
  const filtersId = useId();
  const tableId = useId();
  const timelineId = useId();
  const portfolio = usePortfolio(filters, sort, order);
  const timeline = usePortfolioTimeline(filters, sort, order);
  const pages = portfolio.data?.pages ?? [];
  const rows = pages.flatMap((p) => p.rows);
  const totals = pages[0]?.totals;
  const timelinePages = timeline.data?.pages ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const select = (key: keyof PortfolioFilters, label: string, all: string, options: { value: string; label: string }[]) => (
    <Field>
      <Label>{label}</Label>
      <Select value={filters[key] ?? ''} onChange={(e) => onFilters({ ...filters, [key]: e.target.value || undefined })}>
        <Select.Option value="">{all}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <>
      <section aria-labelledby={filtersId} className="section">
        <Heading level={2} data-size="xs" id={filtersId} className="visually-hidden">
          {t('progress.portfolio.filters')}
        </Heading>
        <div className="portfolio-filters">
          {select(
            'county',
            t('progress.portfolio.filter.county'),
            t('progress.portfolio.filter.allCounties'),
            COUNTY_NAMES.map((c) => ({ value: c, label: c })),
          )}
          {select(
            'regionId',
            t('progress.portfolio.filter.region'),
            t('progress.portfolio.filter.allRegions'),
            regions.map((r) => ({ value: r.id, label: r.name })),
          )}
          {select(
            'phase',
            t('progress.portfolio.filter.phase'),
            t('progress.portfolio.filter.allPhases'),
            PHASE_KEYS.map((p) => ({ value: p, label: catalogue.phaseTitle(p) })),
          )}
          {select(
            'status',
            t('progress.portfolio.filter.status'),
            t('progress.portfolio.filter.allStatuses'),
            PROJECT_STATUSES.map((s) => ({ value: s, label: t(`progress.portfolio.statuses.${s}`) })),
          )}
        </div>
        {filtered && (
          <div>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => onFilters({})}>
              {t('progress.portfolio.filter.clear')}
            </Button>
          </div>
        )}
      </section>

      <section aria-labelledby={tableId} className="section">
        <div className="section-header">
          <Heading level={2} data-size="md" id={tableId}>
            {t('progress.portfolio.projectsHeading')}
          </Heading>
          <DownloadButtons
            label={t('progress.portfolio.export')}
            choices={[
              {
                key: 'csv',
                label: t('progress.portfolio.exportCsv'),
                href: portfolioExportUrl(filters, sort, order, 'csv', lang),
                fetchFile: () => exportPortfolio(filters, sort, order, 'csv', lang),
              },
              {
                key: 'xlsx',
                label: t('progress.portfolio.exportXlsx'),
                href: portfolioExportUrl(filters, sort, order, 'xlsx', lang),
                fetchFile: () => exportPortfolio(filters, sort, order, 'xlsx', lang),
              },
            ]}
          />
        </div>
        {pages[0] && (
          <Paragraph data-size="sm" className="muted">
            {t('progress.portfolio.asOf', { date: format.date(pages[0].asOf) })}
          </Paragraph>
        )}
        <div aria-live="polite" aria-busy={portfolio.isFetching}>
          {portfolio.isPending ? (
            <Loading label={t('progress.portfolio.loading')} />
          ) : portfolio.isError ? (
            <ErrorAlert error={portfolio.error} title={t('progress.portfolio.loadError')} />
          ) : (
            <>
              {totals && totals.projects > 0 && (
                <Paragraph data-size="sm">
                  {t('progress.portfolio.totals', {
                    count: totals.projects,
                    projects: format.number(totals.projects),
                    overdue: format.number(totals.withOverdueDeliverables),
                    awaiting: format.number(totals.awaitingDecision),
                  })}
                </Paragraph>
              )}
              <PortfolioTable
                rows={rows}
                total={totals?.projects ?? rows.length}
                sort={sort}
                order={order}
                onSort={(key) => onSort(key, key === sort && order === 'asc' ? 'desc' : 'asc')}
              />
              <MoreRows
                shown={rows.length}
                total={totals?.projects ?? rows.length}
                hasMore={portfolio.hasNextPage}
                loading={portfolio.isFetchingNextPage}
                failed={portfolio.isFetchNextPageError}
                error={portfolio.error}
                label={t('progress.portfolio.showMore')}
                onMore={() => void portfolio.fetchNextPage()}
              />
            </>
          )}
        </div>
      </section>

      <section aria-labelledby={timelineId} className="section">
        <Heading level={2} data-size="md" id={timelineId}>
          {t('progress.timeline.heading')}
        </Heading>
        {timeline.isPending ? (
          <Loading label={t('progress.timeline.loading')} />
        ) : timeline.isError ? (
          <ErrorAlert error={timeline.error} title={t('progress.timeline.loadError')} />
        ) : (
          <>
            <PortfolioTimeline timeline={{ asOf: timelinePages[0]?.asOf ?? '', projects: timelinePages.flatMap((p) => p.projects) }} />
            <MoreRows
              shown={timelinePages.reduce((n, p) => n + p.projects.length, 0)}
              total={totals?.projects ?? 0}
              hasMore={timeline.hasNextPage}
              loading={timeline.isFetchingNextPage}
              failed={timeline.isFetchNextPageError}
              error={timeline.error}
              label={t('progress.timeline.showMore')}
              onMore={() => void timeline.fetchNextPage()}
            />
          </>
        )}
      </section>
    </>
  );
}

/**
 * "Show more" under a paged list: how many of the total are shown (announced politely when it grows),
 * the button while there is more, and an error that keeps what was shown.
 */
function MoreRows({
  shown,
  total,
  hasMore,
  loading,
  failed,
  error,
  label,
  onMore,
}: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  /** Loading the next page failed (what was shown stays). */
  failed: boolean;
  error: Error | null;
  label: string;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === 0) return null;
  return (
    <div className="portfolio-more">
      <p role="status" className={hasMore ? undefined : 'visually-hidden'}>
        {t('progress.portfolio.showing', { count: total, shown: format.number(shown), total: format.number(total) })}
      </p>
      {failed && error && <ErrorAlert error={error} title={t('progress.portfolio.loadMoreError')} />}
      {hasMore && (
        // Not disabled while loading: the button keeps focus, and a second press waits for the first.
        <Button type="button" variant="secondary" data-size="sm" onClick={() => loading || onMore()}>
          {loading ? t('progress.portfolio.loadingMore') : label}
        </Button>
      )}
    </div>
  );
}
