import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Button, Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { NavLink, Outlet, Link as RouterLink, useLocation, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading';
import { useAccess } from '../../lib/auth';
import { ProgressNavItems, TemplatesNavItem } from '../../features/progress/components/nav-items';
import { LessonsNavItem } from '../../features/closing/components/lessons-nav-item';
import { NotificationBell } from '../../features/progress/components/notification-bell';
import { LanguageSwitcher } from './language-switcher';
import { UserMenu } from './user-menu';

/**
 * Header with product name, navigation (per role), the signed-in person and language; <main id="main">; footer.
 * On a narrow screen the navigation, the person and the language fold behind a "Meny" button (CSS decides when),
 * so the page starts near the top; the notification bell stays in sight.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const mainRef = useMainFocusOnNavigation();
  const { me, isAdmin, roles } = useAccess();
  const menu = useFoldingMenu();
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
          {me && <NotificationBell />}
          {me && (
            <Button
              variant="secondary"
              data-size="sm"
              className="app-header__menu-button"
              aria-expanded={menu.open}
              aria-controls="app-header-menu"
              onClick={menu.toggle}
            >
              {t('layout.menu')}
            </Button>
          )}
          <div id="app-header-menu" className="app-header__menu" data-open={menu.open || !me || undefined} onKeyDown={menu.onKeyDown}>
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
            {me && <UserMenu me={me} />}
            <LanguageSwitcher />
          </div>
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

/** The folding menu's state: closed again on every navigation, and by Escape (focus back on its button). */
function useFoldingMenu() {
  // Open on the page where it was opened: a navigation closes it without an effect.
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return {
    open,
    toggle: () => setOpenOn(open ? null : pathname),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !open) return;
      setOpenOn(null);
      document.querySelector<HTMLElement>('.app-header__menu-button')?.focus();
    },
  };
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
