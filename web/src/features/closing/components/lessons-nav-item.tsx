import { Link } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../../api/types';

/** Who learns across regions: Innovasjon Norge's advisers and administrators. */
export function learnsAcrossRegions(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === 'admin' || r.role === 'adviser');
}

/** The main menu's "Læring" (lessons across regions), for advisers and administrators. */
export function LessonsNavItem({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  if (!learnsAcrossRegions(roles)) return null;
  return (
    <li>
      <Link asChild data-color="neutral">
        <NavLink to="/laering">{t('layout.navLessons')}</NavLink>
      </Link>
    </li>
  );
}
