import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useLogin } from '../../../lib/auth';
import { useApiForm } from '../../../lib/use-api-form';

interface LoginValues {
  email: string;
  password: string;
}

/** E-mail and password; a wrong pair, a locked account or too many attempts are explained in one alert. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  // LoginDto: both required.
  const form = useApiForm<LoginValues>({ defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const login = useLogin();

  const submit = form.handleSubmit(async ({ email, password }) => {
    try {
      await login.mutateAsync({ email: email.trim(), password });
      onLoggedIn();
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Textfield
        type="email"
        label={t('auth.login.email')}
        {...form.register('email', { validate: (v) => v.trim() !== '' || t('auth.login.emailRequired') })}
        error={errors.email?.message}
        autoComplete="username"
        required
      />
      <Textfield
        type="password"
        label={t('auth.login.password')}
        {...form.register('password', { required: t('auth.login.passwordRequired') })}
        error={errors.password?.message}
        autoComplete="current-password"
        required
      />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('auth.login.submit')}
        </Button>
      </div>
    </form>
  );
}
