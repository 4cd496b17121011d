import { ROLES, type Role } from '@nvr/shared';
import { useTranslation } from 'react-i18next';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** "Regionråd, Kongsbergregionen": a role's name in the current language with the region it applies to. */
export function useRoleLabel() {
  const { t } = useTranslation();
  return (assignment: { role: Role; regionName?: string | null }) =>
    assignment.regionName
      ? t('roles.withRegion', { role: t(`roles.names.${assignment.role}`), region: assignment.regionName })
      : t(`roles.names.${assignment.role}`);
}
