import { Heading, Link } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getRegionBenefitsQueryOptions } from '../../features/benefits/api/get-region-benefits';
import { RegionBenefitsView } from '../../features/benefits/components/region-benefits';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const regionBenefitsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('region');
    await ensureFound(queryClient, getRegionBenefitsQueryOptions(params.id), 'region');
    return null;
  };

/** /regioner/:id/gevinster — the benefits of all the region's projects, for the regionråd's follow-up after the projects. */
export function RegionBenefitsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data } = useSuspenseQuery(getRegionBenefitsQueryOptions(id));
  const title = t('benefits.region.titleFor', { region: data.regionName });
  useDocumentTitle(title);

  return (
    <div className="page">
      <nav aria-label={t('regions.detail.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to={`/regioner/${data.regionId}`}>{t('benefits.region.back', { region: data.regionName })}</RouterLink>
        </Link>
      </nav>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <RegionBenefitsView regionId={data.regionId} />
    </div>
  );
}
