import { Suspense } from 'react';
import { useTranslation } from '../i18n';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import type { Role } from '../gql/graphql';
import { AREA_ROLES, ORGANISATION_MEMBER_ROLES } from '../console/access';
import { signOut } from '../session/refresh';
import { useSession } from '../session/session';
import { Icon } from './Icon';
import { IdentityReturn } from './IdentityReturn';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

/** Main navigation: public items, then one entry per area the person's roles open. */
const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/servizi', label: 'nav.catalogue' },
  { to: '/area', label: 'nav.myArea', roles: [] },
  { to: '/richieste', label: 'nav.myRequests', roles: ['CITIZEN'] },
  { to: '/volontario/proposte', label: 'nav.proposals', roles: ['VOLUNTEER'] },
  { to: '/volontario/impegni', label: 'nav.commitments', roles: ['VOLUNTEER'] },
  { to: '/sportello', label: 'nav.desk', roles: AREA_ROLES.desk },
  { to: '/moderazione', label: 'nav.moderation', roles: AREA_ROLES.moderation },
  { to: '/ente', label: 'nav.organisation', roles: ORGANISATION_MEMBER_ROLES },
  { to: '/indicatori', label: 'nav.indicators', roles: AREA_ROLES.indicators },
  { to: '/amministrazione', label: 'nav.platform', roles: AREA_ROLES.platform },
  { to: '/notifiche', label: 'nav.notifications', roles: [] },
];

export function Layout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const signedIn = session.status === 'signedIn';
  const roles = signedIn ? session.session.user.roles.map((role) => role.role) : [];
  const items = NAV.filter(
    (item) =>
      !item.roles ||
      (signedIn && (item.roles.length === 0 || item.roles.some((role) => roles.includes(role)))),
  );
  const otherLanguage = i18n.language === 'en' ? 'it' : 'en';

  return (
    <>
      <nav className="skiplinks" aria-label={t('layout.skipToContent')}>
        <a href="#main">{t('layout.skipToContent')}</a>
        <a href="#footer">{t('layout.skipToFooter')}</a>
      </nav>
      <header className="site-header">
        <div className="site-header__slim">
          <div className="container d-flex flex-wrap align-items-center justify-content-between gap-2">
            <span>{t('service.territory')}</span>
            <div className="d-flex align-items-center gap-3">
              <button
                type="button"
                className="link-like"
                lang={otherLanguage}
                aria-label={t('layout.switchToLabel')}
                onClick={() => void i18n.changeLanguage(otherLanguage)}
              >
                {t('layout.switchTo')}
              </button>
              {signedIn ? (
                <button
                  type="button"
                  className="link-like"
                  onClick={() => {
                    void signOut().then(() => navigate('/accedi?uscito=1'));
                  }}
                >
                  {t('layout.signOut')}
                </button>
              ) : (
                <Link to="/accedi" className="tap-target d-inline-flex align-items-center gap-1 fw-semibold">
                  <Icon name="it-user" />
                  {t('layout.signIn')}
                </Link>
              )}
            </div>
          </div>
        </div>
        <div className="site-header__center py-3">
          <div className="container">
            <Link to="/" className="site-header__brand">
              <Icon name="it-pa" className="d-none d-sm-inline" />
              <span>
                <span className="site-header__name d-block">{t('service.name')}</span>
                <span className="site-header__tagline d-block">{t('service.tagline')}</span>
              </span>
            </Link>
          </div>
        </div>
        <div className="site-header__nav">
          <nav className="container" aria-label={t('layout.mainNav')}>
            <ul className="site-nav">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <IdentityReturn />
        <Suspense fallback={<p className="container py-5">{t('state.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer id="footer" className="site-footer py-4" tabIndex={-1}>
        <div className="container">
          <p className="h5 text-white">{t('layout.footerTitle')}</p>
          <ul className="d-flex flex-column flex-md-row flex-md-wrap gap-md-4 mb-2">
            <li>
              <Link to="/accessibilita" data-element="accessibility-link">
                {t('layout.accessibility')}
              </Link>
            </li>
            <li>
              <Link to="/privacy" data-element="privacy-policy-link">
                {t('layout.privacy')}
              </Link>
            </li>
            <li>
              <a href="mailto:accessibilita@prossimo.example">{t('layout.reportProblem')}</a>
            </li>
          </ul>
          <p className="mb-0 small">{t('layout.reportProblemHint')}</p>
        </div>
      </footer>
    </>
  );
}
