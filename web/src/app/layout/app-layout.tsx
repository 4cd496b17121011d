import { useEffect, useRef } from 'react';
import { Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { NavLink, Outlet, Link as RouterLink, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading';
import { useAccess } from '../../lib/auth';
import { ProgressNavItems, TemplatesNavItem } from '../../features/progress/components/nav-items';
import { LessonsNavItem } from '../../features/closing/components/lessons-nav-item';
import { NotificationBell } from '../../features/progress/components/notification-bell';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';

/** Header with product name, navigation (per role), the signed-in person and language; <main id="main">; footer. */
export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useMainFocusOnNavigation();
  const { me, isAdmin, roles } = useAccess();
  // Route loaders await their data: while the next page loads, say so here (the only loading state of pages).
  const loading = useNavigation().state === 'loading';

  return (
    <div className="app">
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <Link asChild data-color="neutral" className="app-header__brand">
            <RouterLink to="/">{t('app.name')}</RouterLink>
          </Link>
          {me ? (
            <nav aria-label={t('layout.mainNav')} className="app-header__nav">
              <ul>
                <ProgressNavItems roles={roles} />
                <li>
                  <Link asChild data-color="neutral">
                    <NavLink to="/prosjekter">{t('layout.navProjects')}</NavLink>
                  </Link>
                </li>
                <li>
                  <Link asChild data-color="neutral">
                    <NavLink to="/regioner">{t('layout.navRegions')}</NavLink>
                  </Link>
                </li>
                <TemplatesNavItem />
                <LessonsNavItem roles={roles} />
                {isAdmin && (
                  <li>
                    <Link asChild data-color="neutral">
                      <NavLink to="/admin/brukere">{t('layout.navUsers')}</NavLink>
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          ) : (
            <div className="app-header__nav" />
          )}
          {me && <NotificationBell />}
          {me && <UserMenu me={me} />}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef} className="app-main" aria-busy={loading || undefined}>
        {loading && <Loading label={t('common.loading')} />}
        <Outlet />
      </main>
      <footer className="app-footer">
        <div className="app-footer__inner">
          <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
        </div>
      </footer>
    </div>
  );
}

/** After a client-side navigation, move focus to <main> so keyboard and screen-reader users start there. */
function useMainFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return; // first load: leave focus where the browser put it
    previous.current = pathname;
    mainRef.current?.focus();
  }, [pathname]);
  return mainRef;
}
