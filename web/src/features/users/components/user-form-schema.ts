import type { TFunction } from 'i18next';
import type { FormSchema } from '../../../lib/use-api-form';
import { newPasswordRules } from '../../../lib/passwords';
import { firstRowMissingRegion, type RoleRow } from './role-rows';

/** The values of the account forms (CreateUserDto, UpdateUserDto and SetRolesDto on the server). */
export interface UserFormValues {
  name: string;
  email: string;
  newPassword: string;
  active: boolean;
  roles: RoleRow[];
}

/** Mirrors the DTOs: name and e-mail required, a password of PASSWORD_MIN_LENGTH, a region where a role needs one. */
export function userFormSchema(t: TFunction): FormSchema<UserFormValues> {
  return {
    // At most 200 characters: the fields' maxLength attribute keeps to that.
    name: { validate: (v) => v.trim() !== '' || t('users.form.nameRequired') },
    email: { validate: (v) => v.trim() !== '' || t('users.form.emailRequired') },
    newPassword: newPasswordRules(t),
    roles: { validate: (rows) => firstRowMissingRegion(rows) < 0 || t('users.roles.regionRequired') },
  };
}
