import { useRef, useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useLogin } from '../../../lib/auth';

type Errors = { email?: string; password?: string };

/** E-mail and password; a wrong pair, a locked account or too many attempts are explained in one alert. */
export function LoginForm({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const emailRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const passwordRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const login = useLogin({ onSuccess: onLoggedIn });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!email.trim()) found.email = t('auth.login.emailRequired');
    if (!password) found.password = t('auth.login.passwordRequired');
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    login.mutate({ email: email.trim(), password });
  }

  const error = login.error;
  const tooMany = isApiError(error, 'TOO_MANY_ATTEMPTS');
  const minutes = tooMany && error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Textfield
        ref={emailRef}
        type="email"
        label={t('auth.login.email')}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
        autoComplete="username"
        required
      />
      <Textfield
        ref={passwordRef}
        type="password"
        label={t('auth.login.password')}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
        autoComplete="current-password"
        required
      />
      {login.isError &&
        (tooMany && minutes ? (
          <ErrorAlert error={error} details={[t('auth.login.retryIn', { count: minutes })]} />
        ) : (
          <ErrorAlert error={error} />
        ))}
      <div className="form__actions">
        <Button type="submit" loading={login.isPending} disabled={login.isPending}>
          {t('auth.login.submit')}
        </Button>
      </div>
    </form>
  );
}
