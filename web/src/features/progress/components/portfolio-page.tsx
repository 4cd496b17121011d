import { useId } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { COUNTY_NAMES, PHASE_KEYS, PROJECT_STATUSES, sortPortfolio, type PortfolioSortKey, type SortOrder } from '@nvr/shared';
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
 * The adviser's portfolio: filters (county, region, phase, status) that the server applies, a table
 * sorted in the browser with the shared rule, exports with the same filters and order, and the
 * timeline of every project's phases. Filters and order live in the address, so a view can be shared.
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
  const portfolio = usePortfolio(filters);
  const timeline = usePortfolioTimeline(filters);
  const rows = portfolio.data ? sortPortfolio(portfolio.data.rows, sort, order) : [];
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
        {portfolio.data && (
          <Paragraph data-size="sm" className="muted">
            {t('progress.portfolio.asOf', { date: format.date(portfolio.data.asOf) })}
          </Paragraph>
        )}
        <div aria-live="polite" aria-busy={portfolio.isFetching}>
          {portfolio.isPending ? (
            <Loading label={t('progress.portfolio.loading')} />
          ) : portfolio.isError ? (
            <ErrorAlert error={portfolio.error} title={t('progress.portfolio.loadError')} />
          ) : (
            <>
              <p className="visually-hidden">{t('progress.portfolio.resultCount', { count: rows.length })}</p>
              <PortfolioTable
                rows={rows}
                sort={sort}
                order={order}
                onSort={(key) => onSort(key, key === sort && order === 'asc' ? 'desc' : 'asc')}
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
          <PortfolioTimeline timeline={timeline.data} />
        )}
      </section>
    </>
  );
}
