import { useId, useState } from 'react';
import { Alert, Button, Paragraph, Switch, Textfield } from '@digdir/designsystemet-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { UpdateUserBody, User } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useRoleLabel } from '../../../lib/roles';
import { useSetUserRoles } from '../api/set-user-roles';
import { useUpdateUser } from '../api/update-user';
import { isRoleAssignable } from './role-scope';
import { firstRowMissingRegion, RoleRows, toRoleInputs, type RoleRow } from './role-rows';
import { userFormSchema, type UserFormValues } from './user-form-schema';

function rowsOf(user: User): RoleRow[] {
  return user.roles
    .filter((r) => isRoleAssignable(r.role))
    .map((r) => ({ role: r.role, regionId: r.regionId ?? '', kommuneId: (r as { kommuneId?: string | null }).kommuneId ?? '' }));
}

const valuesOf = (user: User): UserFormValues => ({
  name: user.name,
  email: user.email,
  newPassword: '',
  active: user.active,
  roles: rowsOf(user),
});

const rowsKey = (rows: RoleRow[]) =>
  JSON.stringify(
    toRoleInputs(rows)
      .map((r) => `${r.role}/${r.regionId ?? ''}/${r.kommuneId ?? ''}`)
      .sort(),
  );

/**
 * Name, e-mail, active, and the account's admin and region roles. Account fields go with the version
 * read (PATCH); roles are replaced (PUT) only when they changed. Project roles are shown, not edited.
 */
export function EditUserDialog({
  user,
  regions,
  onSaved,
}: {
  user: User;
  regions: { id: string; name: string }[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const roleLabel = useRoleLabel();
  const schema = userFormSchema(t);
  const [open, setOpen] = useState(false);
  const form = useApiForm<UserFormValues>({ defaultValues: valuesOf(user), codeFields: { EMAIL_TAKEN: 'email' } });
  const { register, control, formState } = form;
  const { errors } = formState;
  const update = useUpdateUser(user.id);
  const setRoles = useSetUserRoles(user.id);
  const projectRoles = user.roles.filter((r) => !isRoleAssignable(r.role));

  function openDialog() {
    form.reset(valuesOf(user));
    setOpen(true);
  }

  const submit = form.handleSubmit(async (values) => {
    const name = values.name.trim();
    const email = values.email.trim();
    const body: UpdateUserBody = { version: user.version };
    if (name !== user.name) body.name = name;
    if (email !== user.email) body.email = email;
    if (values.active !== user.active) body.active = values.active;
    try {
      if (Object.keys(body).length > 1) await update.mutateAsync(body);
      if (rowsKey(values.roles) !== rowsKey(rowsOf(user))) await setRoles.mutateAsync(toRoleInputs(values.roles));
      setOpen(false);
      onSaved(t('users.edit.saved', { name }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={openDialog} aria-label={t('users.edit.openNamed', { name: user.name })}>
        {t('users.edit.open')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('users.edit.title', { name: user.name })}
        onSubmit={(e) => void submit(e)}
        pending={formState.isSubmitting}
        formError={form.formErrorCode === 'VERSION_CONFLICT' ? undefined : form.formError}
        feedback={
          form.formErrorCode === 'VERSION_CONFLICT' ? (
            <Alert data-color="warning" role="alert">
              <Paragraph>{t('users.edit.conflict')}</Paragraph>
            </Alert>
          ) : undefined
        }
      >
        <Textfield label={t('users.form.name')} {...register('name', schema.name)} error={errors.name?.message} required maxLength={200} />
        <Textfield
          type="email"
          label={t('users.form.email')}
          {...register('email', schema.email)}
          error={errors.email?.message}
          required
          autoComplete="off"
        />
        <Switch label={t('users.form.active')} description={t('users.form.activeHint')} {...register('active')} />
        <Controller
          control={control}
          name="roles"
          rules={schema.roles}
          render={({ field, fieldState }) => (
            <RoleRows
              idPrefix={idPrefix}
              rows={field.value}
              onChange={field.onChange}
              regions={regions}
              missingRegionAt={fieldState.error ? firstRowMissingRegion(field.value) : -1}
              missingRegionRef={field.ref}
            />
          )}
        />
        {projectRoles.length > 0 && (
          <Alert data-color="info">
            <Paragraph data-size="sm">{t('users.edit.projectRoles', { roles: projectRoles.map(roleLabel).join(', ') })}</Paragraph>
          </Alert>
        )}
      </FormDialog>
    </>
  );
}
