import { useId, useState } from 'react';
import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useSetUserPassword } from '../api/set-user-password';
import { PASSWORD_MIN_LENGTH } from '../../../lib/passwords';

/** An administrator gives someone a new password (e.g. after too many attempts); their sessions end. */
export function SetPasswordDialog({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setUserPassword = useSetUserPassword(user.id, {
    onSuccess: () => {
      setOpen(false);
      onSaved(t('users.password.saved', { name: user.name }));
    },
  });

  function openDialog() {
    setPassword('');
    setError(null);
    setUserPassword.reset();
    setOpen(true);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < PASSWORD_MIN_LENGTH) {
      setError(t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH }));
      return;
    }
    setError(null);
    setUserPassword.mutate(password);
  }

  const serverFieldError = isApiError(setUserPassword.error) ? setUserPassword.error.messageFor('newPassword') : undefined;

  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={openDialog} aria-label={t('users.password.openNamed', { name: user.name })}>
        {t('users.password.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('users.password.title', { name: user.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={submit} noValidate>
            <Paragraph>{t('users.password.intro')}</Paragraph>
            <Textfield
              type="password"
              label={t('auth.password.new')}
              description={t('auth.password.newHint', { count: PASSWORD_MIN_LENGTH })}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={error ?? serverFieldError}
              autoComplete="new-password"
              required
            />
            {setUserPassword.isError && !serverFieldError && <ErrorAlert error={setUserPassword.error} />}
            <div className="form__actions">
              <Button type="submit" loading={setUserPassword.isPending} disabled={setUserPassword.isPending}>
                {t('users.password.submit')}
              </Button>
              <Button variant="tertiary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
