import { Button, Link } from '@digdir/designsystemet-react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types';
import { LOGIN_PATH, useLogout } from '../../lib/auth';
import { useRoleLabel } from '../../lib/roles';

/** Who is signed in (name and roles, each with its region), a link to change password, and "Logg ut". */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roleLabel = useRoleLabel();
  const logout = useLogout({ onSuccess: () => navigate(LOGIN_PATH, { replace: true, state: { loggedOut: true } }) });
  const roles = [...new Set(me.roles.map(roleLabel))];

  return (
    <div className="user-menu">
      <div className="user-menu__who">
        <span className="user-menu__name">{me.user.name}</span>
        {roles.length > 0 && (
          <span className="user-menu__roles">
            <span className="visually-hidden">{t('layout.rolesLabel')} </span>
            {roles.join(' · ')}
          </span>
        )}
      </div>
      <Link asChild data-size="sm">
        <RouterLink to="/endre-passord">{t('layout.changePassword')}</RouterLink>
      </Link>
      <Button variant="secondary" data-size="sm" onClick={() => logout.mutate()} loading={logout.isPending}>
        {t('layout.logout')}
      </Button>
    </div>
  );
}
