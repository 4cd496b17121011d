import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getRegionQueryOptions, useRegion } from '../../features/regions/api/get-region';
import { RegionDetails } from '../../features/regions/components/region-details';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { isApiError } from '../../lib/api-error';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const regionLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id)) void queryClient.prefetchQuery(getRegionQueryOptions(params.id));
    return null;
  };

function isNotFound(error: unknown) {
  return isApiError(error) && (error.status === 404 || error.code === 'REGION_NOT_FOUND');
}

export function RegionRoute() {
  const { t } = useTranslation();
  const { id } = useParams();
  const valid = isUuid(id);
  const region = useRegion(id ?? '', { enabled: valid });
  const state = useLocation().state as { message?: string } | null;

  const notFound = !valid || (region.isError && isNotFound(region.error));
  useDocumentTitle(
    notFound
      ? t('regions.detail.notFoundTitle')
      : region.data
        ? region.data.name
        : region.isError
          ? t('regions.detail.loadError')
          : t('regions.detail.loading'),
  );

  return (
    <div className="page">
      <nav aria-label={t('regions.detail.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/regioner">{t('regions.detail.backToList')}</RouterLink>
        </Link>
      </nav>
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('regions.detail.notFoundTitle')}
          </Heading>
          <Paragraph>{t('regions.detail.notFoundBody')}</Paragraph>
        </>
      ) : region.data ? (
        <>
          <StatusMessage message={state?.message ?? null} />
          <RegionDetails region={region.data} />
        </>
      ) : region.isError ? (
        <>
          <Heading level={1} data-size="lg">
            {t('regions.detail.loadError')}
          </Heading>
          <ErrorAlert error={region.error} />
        </>
      ) : (
        <Loading label={t('regions.detail.loading')} />
      )}
    </div>
  );
}
