import { useState } from 'react';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { newPasswordRules, PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { useSetUserPassword } from '../api/set-user-password';

/** An administrator gives someone a new password (e.g. after too many attempts); their sessions end. */
export function SetPasswordDialog({ user, onSaved }: { user: User; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useApiForm<{ newPassword: string }>({ defaultValues: { newPassword: '' } });
  const setUserPassword = useSetUserPassword(user.id);

  function openDialog() {
    form.reset({ newPassword: '' });
    setOpen(true);
  }

  const submit = form.handleSubmit(async ({ newPassword }) => {
    try {
      await setUserPassword.mutateAsync(newPassword);
      setOpen(false);
      onSaved(t('users.password.saved', { name: user.name }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={openDialog} aria-label={t('users.password.openNamed', { name: user.name })}>
        {t('users.password.open')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('users.password.title', { name: user.name })}
        onSubmit={(e) => void submit(e)}
        pending={form.formState.isSubmitting}
        submitLabel={t('users.password.submit')}
        formError={form.formError}
      >
        <Paragraph>{t('users.password.intro')}</Paragraph>
        <Textfield
          type="password"
          label={t('auth.password.new')}
          description={t('auth.password.newHint', { count: PASSWORD_MIN_LENGTH })}
          {...form.register('newPassword', newPasswordRules(t))}
          error={form.formState.errors.newPassword?.message}
          autoComplete="new-password"
          required
        />
      </FormDialog>
    </>
  );
}
