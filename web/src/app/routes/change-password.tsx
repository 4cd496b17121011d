import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { ProviderLinks } from '../../features/auth/components/provider-links';
import { useDocumentTitle } from '../../lib/use-document-title';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.password.title'));
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('auth.password.title')}
      </Heading>
      <Paragraph>{t('auth.password.intro')}</Paragraph>
      <ChangePasswordForm />
      <ProviderLinks />
    </div>
  );
}
