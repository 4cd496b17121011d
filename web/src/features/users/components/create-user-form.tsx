import { useId } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import { PASSWORD_MIN_LENGTH } from '../../../lib/passwords';
import { useCreateUser } from '../api/create-user';
import { firstRowMissingRegion, RoleRows, toRoleInputs } from './role-rows';
import { userFormSchema, type UserFormValues } from './user-form-schema';

const EMPTY: UserFormValues = { name: '', email: '', newPassword: '', active: true, roles: [] };

/** Creates an account: name, e-mail, a first password to pass on, and admin or region roles. */
export function CreateUserForm({ regions, onCreated }: { regions: { id: string; name: string }[]; onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const schema = userFormSchema(t);
  const form = useApiForm<UserFormValues>({ defaultValues: EMPTY, codeFields: { EMAIL_TAKEN: 'email' } });
  const { register, control, formState } = form;
  const { errors } = formState;
  const create = useCreateUser();

  const submit = form.handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync({
        name: values.name.trim(),
        email: values.email.trim(),
        newPassword: values.newPassword,
        roles: toRoleInputs(values.roles),
      });
      form.reset(EMPTY);
      onCreated(user);
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
      <Textfield
        label={t('users.form.name')}
        {...register('name', schema.name)}
        error={errors.name?.message}
        required
        autoComplete="off"
        maxLength={200}
      />
      <Textfield
        type="email"
        label={t('users.form.email')}
        {...register('email', schema.email)}
        error={errors.email?.message}
        required
        autoComplete="off"
      />
      <Textfield
        type="password"
        label={t('users.form.firstPassword')}
        description={t('users.form.firstPasswordHint', { count: PASSWORD_MIN_LENGTH })}
        {...register('newPassword', schema.newPassword)}
        error={errors.newPassword?.message}
        required
        autoComplete="new-password"
      />
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
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={formState.isSubmitting} disabled={formState.isSubmitting}>
          {t('users.new.submit')}
        </Button>
      </div>
    </form>
  );
}
