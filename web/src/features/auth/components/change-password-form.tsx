import { useRef, useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
type Errors = Partial<Record<Field, string>>;

/** Current password, new password twice. On success the fields are cleared and a message is announced. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeat: '' });
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const currentRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const newRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const repeatRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const change = useChangePassword({
    onSuccess: () => {
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setStatus(t('auth.password.changed'));
    },
  });

  const serverError = change.error;
  const errors: Errors = {
    currentPassword:
      clientErrors.currentPassword ?? (isApiError(serverError, 'CURRENT_PASSWORD_WRONG') ? t('errors.CURRENT_PASSWORD_WRONG') : undefined),
    newPassword: clientErrors.newPassword ?? (isApiError(serverError) ? serverError.messageFor('newPassword') : undefined),
    repeat: clientErrors.repeat,
  };

  function set(field: Field, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setClientErrors(({ [field]: _cleared, ...rest }) => rest);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    change.reset();
    const found: Errors = {};
    if (!values.currentPassword) found.currentPassword = t('auth.password.currentRequired');
    if (values.newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH });
    else if (values.repeat !== values.newPassword) found.repeat = t('auth.password.mismatch');
    setClientErrors(found);
    const first = (['currentPassword', 'newPassword', 'repeat'] as const).find((f) => found[f]);
    if (first) return { currentPassword: currentRef, newPassword: newRef, repeat: repeatRef }[first].current?.focus();
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Textfield
        ref={currentRef}
        type="password"
        label={t('auth.password.current')}
        value={values.currentPassword}
        onChange={(event) => set('currentPassword', event.target.value)}
        error={errors.currentPassword}
        autoComplete="current-password"
        required
      />
      <Textfield
        ref={newRef}
        type="password"
        label={t('auth.password.new')}
        description={t('auth.password.newHint', { count: PASSWORD_MIN_LENGTH })}
        value={values.newPassword}
        onChange={(event) => set('newPassword', event.target.value)}
        error={errors.newPassword}
        autoComplete="new-password"
        required
      />
      <Textfield
        ref={repeatRef}
        type="password"
        label={t('auth.password.repeat')}
        value={values.repeat}
        onChange={(event) => set('repeat', event.target.value)}
        error={errors.repeat}
        autoComplete="new-password"
        required
      />
      {change.isError && !isApiError(change.error, 'CURRENT_PASSWORD_WRONG') && !errors.newPassword && <ErrorAlert error={change.error} />}
      <div className="form__actions">
        <Button type="submit" loading={change.isPending} disabled={change.isPending}>
          {t('auth.password.submit')}
        </Button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
