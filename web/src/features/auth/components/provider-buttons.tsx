import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** Where the browser goes to sign in with a provider (a full navigation: the provider's pages are not ours). */
export function providerSignInUrl(providerId: string, invitationToken?: string): string {
  const params = new URLSearchParams({ provider: providerId });
  if (invitationToken) params.set('invitation', invitationToken);
  return `/api/auth/oidc/start?${params.toString()}`;
}

/** "Logg inn med <provider>", one button per provider. */
export function ProviderButtons({ providers, invitationToken }: { providers: { id: string; name: string }[]; invitationToken?: string }) {
  const { t } = useTranslation();
  if (providers.length === 0) return null;
  return (
    <div className="form__actions">
      {providers.map((p) => (
        <Button key={p.id} asChild variant="primary">
          <a href={providerSignInUrl(p.id, invitationToken)}>{t('auth.login.withProvider', { provider: p.name })}</a>
        </Button>
      ))}
    </div>
  );
}
