import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { COUNTY_NAMES, isPhaseKey, PORTFOLIO_SORT_KEYS, PROJECT_STATUSES, type PortfolioSortKey, type SortOrder } from '@nvr/shared';
import type { QueryClient } from '@tanstack/react-query';
import { useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilters } from '../../api/progress-types';
import { getPortfolioQueryOptions } from '../../features/progress/api/get-portfolio';
import { getPortfolioTimelineQueryOptions } from '../../features/progress/api/get-portfolio-timeline';
import { followsPortfolio } from '../../features/progress/components/nav-items';
import { PortfolioPage } from '../../features/progress/components/portfolio-page';
import { TopRisks } from '../../features/risks/components/top-risks';
import { useRegions } from '../../features/regions/api/get-regions';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** Filters and order in the address: ?fylke=Buskerud&region=<id>&fase=forprosjekt&status=active&sorter=monthsInPhase&rekkefolge=desc */
function readParams(params: URLSearchParams): { filters: PortfolioFilters; sort: PortfolioSortKey; order: SortOrder } {
  const county = params.get('fylke') ?? '';
  const region = params.get('region') ?? '';
  const phase = params.get('fase') ?? '';
  const status = params.get('status') ?? '';
  const sort = params.get('sorter') ?? '';
  return {
    filters: {
      ...((COUNTY_NAMES as readonly string[]).includes(county) ? { county: county as PortfolioFilters['county'] } : {}),
      ...(isUuid(region) ? { regionId: region } : {}),
      ...(isPhaseKey(phase) ? { phase } : {}),
      ...((PROJECT_STATUSES as readonly string[]).includes(status) ? { status: status as PortfolioFilters['status'] } : {}),
    },
    sort: (PORTFOLIO_SORT_KEYS as readonly string[]).includes(sort) ? (sort as PortfolioSortKey) : 'name',
    order: params.get('rekkefolge') === 'desc' ? 'desc' : 'asc',
  };
}

function writeParams(filters: PortfolioFilters, sort: PortfolioSortKey, order: SortOrder): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.county) out.fylke = filters.county;
  if (filters.regionId) out.region = filters.regionId;
  if (filters.phase) out.fase = filters.phase;
  if (filters.status) out.status = filters.status;
  if (sort !== 'name') out.sorter = sort;
  if (order !== 'asc') out.rekkefolge = order;
  return out;
}

/** Advisers, the regionråd and administrators; anyone else is told they have no access. */
export const portfolioLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const me = await requireMe(queryClient, request);
    if (!followsPortfolio(me.roles)) throw new Response('Forbidden', { status: 403 });
    const { filters, sort, order } = readParams(new URL(request.url).searchParams);
    void queryClient.prefetchInfiniteQuery(getPortfolioQueryOptions(filters, sort, order));
    void queryClient.prefetchInfiniteQuery(getPortfolioTimelineQueryOptions(filters, sort, order));
    return null;
  };

/** /portefolje — the adviser's (and administrator's) start page. */
export function PortfolioRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('progress.portfolio.title'));
  const [params, setParams] = useSearchParams();
  const { filters, sort, order } = readParams(params);
  const regions = useRegions();

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('progress.portfolio.title')}
      </Heading>
      <Paragraph>{t('progress.portfolio.intro')}</Paragraph>
      <PortfolioPage
        filters={filters}
        sort={sort}
        order={order}
        regions={(regions.data ?? []).map((r) => ({ id: r.id, name: r.name }))}
        onFilters={(next) => setParams(writeParams(next, sort, order), { replace: true })}
        onSort={(nextSort, nextOrder) => setParams(writeParams(filters, nextSort, nextOrder), { replace: true })}
      />
      <TopRisks />
    </div>
  );
}
