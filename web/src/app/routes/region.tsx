import { Link } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionBenefitsLink } from '../../features/benefits/components/region-benefits-link';
import { getRegionQueryOptions } from '../../features/regions/api/get-region';
import { InvitationsSection } from '../../features/invitations/components/invitations-section';
import { RegionDetails } from '../../features/regions/components/region-details';
import { StatusMessage } from '../../components/status-message';
import { requireMe, useAccess } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const regionLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('region');
    await ensureFound(queryClient, getRegionQueryOptions(params.id), 'region');
    return null;
  };

export function RegionRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: region } = useSuspenseQuery(getRegionQueryOptions(id));
  const state = useLocation().state as { message?: string } | null;
  useDocumentTitle(region.name);
  const access = useAccess();

  return (
    <div className="page">
      <nav aria-label={t('regions.detail.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/regioner">{t('regions.detail.backToList')}</RouterLink>
        </Link>
      </nav>
      <StatusMessage message={state?.message ?? null} />
      <RegionDetails region={region} />
      <RegionBenefitsLink regionId={region.id} />
      {access.canOnRegion(region.id, 'invite') && <InvitationsSection scope={{ kind: 'region', regionId: region.id }} />}
    </div>
  );
}
