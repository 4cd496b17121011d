import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getRegionsQueryOptions } from '../../features/regions/api/get-regions';
import { RegionsTable } from '../../features/regions/components/regions-table';
import { requireMe, useAccess } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const regionsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    await queryClient.ensureQueryData(getRegionsQueryOptions());
    return null;
  };

export function RegionsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('regions.list.title'));
  const { data: regions } = useSuspenseQuery(getRegionsQueryOptions());
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
      <RegionsTable regions={regions} />
    </div>
  );
}
