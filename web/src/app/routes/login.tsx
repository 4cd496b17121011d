import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { redirect, useLocation, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../../features/auth/components/login-form';
import { StatusMessage } from '../../components/status-message';
import { getMeQueryOptions, safeNextPath } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Someone already signed in goes straight on to where they were heading. */
export const loginLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const me = await queryClient.ensureQueryData(getMeQueryOptions());
    if (me) throw redirect(safeNextPath(new URL(request.url).searchParams.get('neste')));
    return null;
  };

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('neste'));
  const state = useLocation().state as { loggedOut?: boolean } | null;

  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('auth.login.title')}
      </Heading>
      <StatusMessage message={state?.loggedOut ? t('auth.login.loggedOut') : null} />
      <Paragraph>{params.get('neste') ? t('auth.login.introContinue') : t('auth.login.intro')}</Paragraph>
      <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
    </div>
  );
}
