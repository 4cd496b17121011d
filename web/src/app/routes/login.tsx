import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { FormError } from '../../components/form-error';
import { getSignInOptionsQueryOptions, useSignInOptions } from '../../features/auth/api/get-sign-in-options';
import { ProviderButtons } from '../../features/auth/components/provider-buttons';
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
    // The providers' buttons; the page still works (passwords only) when this cannot be read.
    await queryClient.prefetchQuery(getSignInOptionsQueryOptions());
    return null;
  };

export function LoginRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('neste'));
  const state = useLocation().state as { loggedOut?: boolean } | null;
  const options = useSignInOptions().data;
  // A refused sign-in at a provider comes back as ?feil=CODE (server/src/oidc/oidc.errors.ts).
  const refused = params.get('feil');
  const refusedMessage =
    refused && /^[A-Z_]{3,40}$/.test(refused) ? t(`errors.${refused}`, { defaultValue: t('errors.UNKNOWN') }) : undefined;

  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('auth.login.title')}
      </Heading>
      <StatusMessage message={state?.loggedOut ? t('auth.login.loggedOut') : null} />
      <FormError message={refusedMessage} />
      <ProviderButtons providers={options?.providers ?? []} />
      {options && options.providers.length > 0 && (
        <Heading level={2} data-size="sm">
          {t('auth.login.passwordHeading')}
        </Heading>
      )}
      <Paragraph>
        {options?.passwordSignIn === 'off'
          ? t('auth.login.breakGlass')
          : params.get('neste')
            ? t('auth.login.introContinue')
            : t('auth.login.intro')}
      </Paragraph>
      <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
    </div>
  );
}
