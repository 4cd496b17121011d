import { Badge, Link } from '@digdir/designsystemet-react';
import { BellIcon } from '@navikt/aksel-icons';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/get-notifications';
import './progress.css';

/** The header's bell: a link to /varsler whose name says how many are unread ("Varsler, 2 uleste"). */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  return (
    <Link asChild data-color="neutral" className="notification-bell">
      <NavLink to="/varsler" aria-label={count > 0 ? t('layout.bell.unread', { count }) : t('layout.bell.none')}>
        <Badge.Position placement="top-right" overlap="circle">
          {count > 0 && <Badge count={count} maxCount={99} data-color="danger" data-size="sm" aria-hidden="true" />}
          <BellIcon aria-hidden="true" className="notification-bell__icon" />
        </Badge.Position>
        <span className="notification-bell__text" aria-hidden="true">
          {t('layout.bell.label')}
        </span>
      </NavLink>
    </Link>
  );
}
