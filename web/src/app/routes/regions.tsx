import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getRegionsQueryOptions, useRegions } from '../../features/regions/api/get-regions';
import { RegionsTable } from '../../features/regions/components/regions-table';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe, useAccess } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Starts fetching while the route renders; the page shows its own loading and error states. */
export const regionsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    void queryClient.prefetchQuery(getRegionsQueryOptions());
    return null;
  };

export function RegionsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('regions.list.title'));
  const regions = useRegions();
  const { isAdmin } = useAccess();

  return (
    <div className="page">
      <div className="page-header">
        <Heading level={1} data-size="lg">
          {t('regions.list.title')}
        </Heading>
        {isAdmin && (
          <Button asChild>
            <RouterLink to="/regioner/ny">{t('regions.list.newRegion')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t('regions.list.intro')}</Paragraph>
      {regions.isPending ? (
        <Loading label={t('regions.list.loading')} />
      ) : regions.isError ? (
        <ErrorAlert error={regions.error} title={t('regions.list.loadError')} />
      ) : (
        <RegionsTable regions={regions.data} />
      )}
    </div>
  );
}
