import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useLinkProvider, useMyLinkedProviders } from '../api/linked-providers';
import { useSignInOptions } from '../api/get-sign-in-options';

/**
 * The organisation sign-ins (Entra ID, ID-porten, …) this installation offers, each either linked to the
 * person's own account (since when) or with a button to link it: the browser goes to the provider and comes
 * back here (?koblet=1). Nothing is shown where no provider is configured.
 */
export function ProviderLinks() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [params] = useSearchParams();
  const options = useSignInOptions();
  const links = useMyLinkedProviders();
  const link = useLinkProvider();
  const providers = options.data?.providers ?? [];
  if (providers.length === 0) return null;

  return (
    <section className="section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('account.providers.heading')}
      </Heading>
      <Paragraph>{t('account.providers.intro')}</Paragraph>
      <StatusMessage message={params.get('koblet') === '1' ? t('account.providers.linked') : null} />
      {links.isPending ? (
        <Loading label={t('common.loading')} />
      ) : links.isError ? (
        <ErrorAlert error={links.error} title={t('account.providers.loadError')} />
      ) : (
        <ul className="form__actions">
          {providers.map((provider) => {
            const linked = links.data.find((l) => l.provider === provider.id);
            return (
              <li key={provider.id}>
                {linked ? (
                  <Paragraph>
                    {t('account.providers.linkedSince', { provider: provider.name, date: format.dateTime(linked.linkedAt) })}
                  </Paragraph>
                ) : (
                  <Button
                    variant="secondary"
                    onClick={() => link.mutate(provider.id)}
                    loading={link.isPending && link.variables === provider.id}
                  >
                    {t('account.providers.link', { provider: provider.name })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {link.isError && <ErrorAlert error={link.error} title={t('account.providers.linkError')} />}
    </section>
  );
}
