import { useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { newPasswordRules, PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { useApiForm } from '../../../lib/use-api-form';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

const EMPTY: ChangePasswordValues = { currentPassword: '', newPassword: '', repeat: '' };

/** Current password, new password twice. On success the fields are cleared and a message is announced. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>(null);
  const form = useApiForm<ChangePasswordValues>({ defaultValues: EMPTY, codeFields: { CURRENT_PASSWORD_WRONG: 'currentPassword' } });
  const { errors, isSubmitting } = form.formState;
  const change = useChangePassword();

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset(EMPTY);
      setStatus(t('auth.password.changed'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form
      className="form"
      onSubmit={(e) => {
        setStatus(null);
        void submit(e);
      }}
      noValidate
    >
      {/* ChangePasswordDto: the current password, and a new one of PASSWORD_MIN_LENGTH characters (typed twice here). */}
      <Textfield
        type="password"
        label={t('auth.password.current')}
        {...form.register('currentPassword', { required: t('auth.password.currentRequired') })}
        error={errors.currentPassword?.message}
        autoComplete="current-password"
        required
      />
      <Textfield
        type="password"
        label={t('auth.password.new')}
        description={t('auth.password.newHint', { count: PASSWORD_MIN_LENGTH })}
        {...form.register('newPassword', newPasswordRules(t))}
        error={errors.newPassword?.message}
        autoComplete="new-password"
        required
      />
      <Textfield
        type="password"
        label={t('auth.password.repeat')}
        {...form.register('repeat', {
          validate: (repeat, values) =>
            values.newPassword.length < PASSWORD_MIN_LENGTH || repeat === values.newPassword || t('auth.password.mismatch'),
        })}
        error={errors.repeat?.message}
        autoComplete="new-password"
        required
      />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('auth.password.submit')}
        </Button>
      </div>
      <StatusMessage message={status} />
    </form>
  );
}
