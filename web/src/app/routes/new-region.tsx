import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateRegionForm } from '../../features/regions/components/create-region-form';
import { useDocumentTitle } from '../../lib/use-document-title';

export function NewRegionRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('regions.new.title'));

  return (
    <div className="page page--narrow">
      <Paragraph>
        <Link asChild>
          <RouterLink to="/regioner">{t('regions.new.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('regions.new.title')}
      </Heading>
      <Paragraph>{t('regions.new.intro')}</Paragraph>
      <CreateRegionForm
        onCreated={(region) => navigate(`/regioner/${region.id}`, { state: { message: t('regions.new.created', { name: region.name }) } })}
      />
    </div>
  );
}
