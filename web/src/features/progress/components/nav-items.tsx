import { Link } from '@digdir/designsystemet-react';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../../api/types';

/** Who follows a portfolio: advisers, the regionråd and administrators. */
export function followsPortfolio(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === 'admin' || r.role === 'adviser' || r.role === 'regionraad');
}

/** Who has tasks on their own start page: project leaders and project members. */
export function hasTasks(roles: readonly RoleAssignment[]): boolean {
  return roles.some((r) => r.role === 'project_leader' || r.role === 'project_member');
}

/**
 * The main menu's start pages: "Venter på deg" (everyone), "Portefølje" (advisers, regionråd,
 * administrators) and "Mine oppgaver" (project leaders and members). Rendered first inside the layout's <ul>.
 */
export function ProgressNavItems({ roles }: { roles: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  return (
    <>
      <li>
        <Link asChild data-color="neutral">
          <NavLink to="/venter-pa-deg">{t('layout.navInbox')}</NavLink>
        </Link>
      </li>
      {followsPortfolio(roles) && (
        <li>
          <Link asChild data-color="neutral">
            <NavLink to="/portefolje">{t('layout.navPortfolio')}</NavLink>
          </Link>
        </li>
      )}
      {hasTasks(roles) && (
        <li>
          <Link asChild data-color="neutral">
            <NavLink to="/mine-oppgaver">{t('layout.navTasks')}</NavLink>
          </Link>
        </li>
      )}
    </>
  );
}

/** The main menu's link to the template library (everyone signed in), after the layout's own items. */
export function TemplatesNavItem() {
  const { t } = useTranslation();
  return (
    <li>
      <Link asChild data-color="neutral">
        <NavLink to="/maler">{t('layout.navTemplates')}</NavLink>
      </Link>
    </li>
  );
}
