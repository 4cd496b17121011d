import { Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';

/** On a region's page: the way to the benefits of all its projects. */
export function RegionBenefitsLink({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <Link asChild>
        <RouterLink to={`/regioner/${regionId}/gevinster`}>{t('benefits.region.link')}</RouterLink>
      </Link>
    </Paragraph>
  );
}
