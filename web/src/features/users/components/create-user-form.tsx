import { useId, useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useCreateUser } from '../api/create-user';
import { PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { firstRowMissingRegion, RoleRows, toRoleInputs, type RoleRow } from './role-rows';

type Field = 'name' | 'email' | 'newPassword';
type Errors = Partial<Record<Field, string>> & { roles?: number };

/** Creates an account: name, e-mail, a first password to pass on, and admin or region roles. */
export function CreateUserForm({ regions, onCreated }: { regions: { id: string; name: string }[]; onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', newPassword: '' });
  const [rows, setRows] = useState<RoleRow[]>([]);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const create = useCreateUser({
    onSuccess: (user) => {
      setValues({ name: '', email: '', newPassword: '' });
      setRows([]);
      onCreated(user);
    },
  });
  const serverError = create.error;
  const fromServer = (field: string) => (isApiError(serverError) ? serverError.messageFor(field) : undefined);
  const errors: Errors = {
    name: clientErrors.name ?? fromServer('name'),
    email: clientErrors.email ?? fromServer('email') ?? (isApiError(serverError, 'EMAIL_TAKEN') ? t('errors.EMAIL_TAKEN') : undefined),
    newPassword: clientErrors.newPassword ?? fromServer('newPassword'),
    roles: clientErrors.roles,
  };
  const fieldId = (field: Field) => `${idPrefix}-${field}`;
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setClientErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!values.name.trim()) found.name = t('users.form.nameRequired');
    if (!values.email.trim()) found.email = t('users.form.emailRequired');
    if (values.newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH });
    const missing = firstRowMissingRegion(rows);
    if (missing >= 0) found.roles = missing;
    setClientErrors(found);
    const first = (['name', 'email', 'newPassword'] as const).find((f) => found[f]);
    if (first) return document.getElementById(fieldId(first))?.focus();
    if (missing >= 0) return document.getElementById(`${idPrefix}-region-${missing}`)?.focus();
    create.mutate({ name: values.name.trim(), email: values.email.trim(), newPassword: values.newPassword, roles: toRoleInputs(rows) });
  }

  const shownAtField = !!(fromServer('name') || fromServer('email') || fromServer('newPassword') || isApiError(serverError, 'EMAIL_TAKEN'));

  return (
    <form className="form form--inline" onSubmit={submit} noValidate>
      <Textfield
        id={fieldId('name')}
        label={t('users.form.name')}
        value={values.name}
        onChange={(e) => set('name')(e.target.value)}
        error={errors.name}
        required
        autoComplete="off"
        maxLength={200}
      />
      <Textfield
        id={fieldId('email')}
        type="email"
        label={t('users.form.email')}
        value={values.email}
        onChange={(e) => set('email')(e.target.value)}
        error={errors.email}
        required
        autoComplete="off"
      />
      <Textfield
        id={fieldId('newPassword')}
        type="password"
        label={t('users.form.firstPassword')}
        description={t('users.form.firstPasswordHint', { count: PASSWORD_MIN_LENGTH })}
        value={values.newPassword}
        onChange={(e) => set('newPassword')(e.target.value)}
        error={errors.newPassword}
        required
        autoComplete="new-password"
      />
      <RoleRows idPrefix={idPrefix} rows={rows} onChange={setRows} regions={regions} missingRegionAt={errors.roles ?? -1} />
      {create.isError && !shownAtField && <ErrorAlert error={create.error} />}
      <div className="form__actions">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t('users.new.submit')}
        </Button>
      </div>
    </form>
  );
}
