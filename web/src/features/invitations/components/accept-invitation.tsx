import { Button, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { InvitationPreview, Me } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/error-message';
import { PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { useApiForm } from '../../../lib/use-api-form';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/preview-invitation';

interface AcceptValues {
  name: string;
  newPassword: string;
  repeat: string;
}

/** Where the browser goes to accept with a provider (a full navigation to the provider's sign-in). */
function providerUrl(providerId: string, token: string): string {
  return `/api/auth/oidc/start?${new URLSearchParams({ provider: providerId, invitation: token }).toString()}`;
}

/**
 * The invitation link's page: what the invitation gives, then "Logg inn med <provider>" (the providers
 * serving the invited address first) and, where passwords are on, a form to choose one.
 */
export function AcceptInvitation({ token, onAccepted }: { token: string; onAccepted: (me: Me) => void }) {
  const { t } = useTranslation();
  const preview = useInvitationPreview(token);
  if (!token) return <FormError message={t('errors.INVITATION_NOT_FOUND')} />;
  if (preview.isPending) return <Paragraph>{t('invitations.accept.loading')}</Paragraph>;
  if (preview.isError) return <FormError message={errorMessage(preview.error, t)} />;
  return <AcceptChoices token={token} invitation={preview.data} onAccepted={onAccepted} />;
}

function AcceptChoices({ token, invitation, onAccepted }: { token: string; invitation: InvitationPreview; onAccepted: (me: Me) => void }) {
  const { t } = useTranslation();
  const providers = [...invitation.providers].sort((a, b) => Number(b.suggested) - Number(a.suggested));
  return (
    <>
      <Paragraph>
        {invitation.invitedByName
          ? t('invitations.accept.introBy', { name: invitation.invitedByName, email: invitation.email })
          : t('invitations.accept.intro', { email: invitation.email })}
      </Paragraph>
      <List.Unordered>
        {invitation.roles.map((r, i) => {
          const where = r.projectName ?? r.regionName;
          return (
            <List.Item key={i}>
              {where ? t('roles.withRegion', { role: t(`roles.names.${r.role}`), region: where }) : t(`roles.names.${r.role}`)}
            </List.Item>
          );
        })}
      </List.Unordered>
      {providers.length > 0 && (
        <div className="form__actions">
          {providers.map((p) => (
            <Button key={p.id} asChild variant={p.suggested ? 'primary' : 'secondary'}>
              <a href={providerUrl(p.id, token)}>{t('auth.login.withProvider', { provider: p.name })}</a>
            </Button>
          ))}
        </div>
      )}
      {invitation.passwordAllowed && <PasswordForm token={token} onAccepted={onAccepted} />}
    </>
  );
}

function PasswordForm({ token, onAccepted }: { token: string; onAccepted: (me: Me) => void }) {
  const { t } = useTranslation();
  const form = useApiForm<AcceptValues>({ defaultValues: { name: '', newPassword: '', repeat: '' } });
  const { register, formState, getValues } = form;
  const { errors, isSubmitting } = formState;
  const accept = useAcceptInvitation();

  const submit = form.handleSubmit(async (values) => {
    try {
      onAccepted(await accept.mutateAsync({ token, name: values.name.trim(), newPassword: values.newPassword }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Heading level={2} data-size="sm">
        {t('invitations.accept.passwordHeading')}
      </Heading>
      <Textfield
        label={t('invitations.accept.name')}
        {...register('name', { validate: (v) => v.trim() !== '' || t('invitations.accept.nameRequired') })}
        error={errors.name?.message}
        required
        autoComplete="name"
        maxLength={200}
      />
      <Textfield
        type="password"
        label={t('invitations.accept.password')}
        description={t('auth.password.newHint', { count: PASSWORD_MIN_LENGTH })}
        {...register('newPassword', {
          minLength: { value: PASSWORD_MIN_LENGTH, message: t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH }) },
          required: t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH }),
        })}
        error={errors.newPassword?.message}
        required
        autoComplete="new-password"
      />
      <Textfield
        type="password"
        label={t('auth.password.repeat')}
        {...register('repeat', { validate: (v) => v === getValues('newPassword') || t('auth.password.mismatch') })}
        error={errors.repeat?.message}
        required
        autoComplete="new-password"
      />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('invitations.accept.submit')}
        </Button>
      </div>
    </form>
  );
}
