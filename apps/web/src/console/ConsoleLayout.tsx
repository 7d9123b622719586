import { NavLink, Outlet, useMatches } from 'react-router';
import './messages';
import './admin/messages';
import { useTranslation } from '../i18n';
import { Page } from '../layout/Page';
import { RequireSignIn } from '../session/RequireSignIn';
import { useSession } from '../session/session';
import { canOpen, ORGANISATION_MEMBER_ROLES, type ConsoleArea } from './access';
import { chooseTerritory, useStaffTerritory } from './territory';
import { TerritorySearch } from './TerritorySearch';

// The indicators are in the main menu already; this menu holds the pages under it.
const LINKS: { to: string; label: string; area: ConsoleArea }[] = [
  { to: '/sportello/persone', label: 'console.nav.people', area: 'desk' },
  { to: '/sportello', label: 'console.nav.desk', area: 'desk' },
  { to: '/sportello/da-seguire', label: 'console.nav.followUp', area: 'followUp' },
  { to: '/sportello/chiamate', label: 'console.nav.calls', area: 'calls' },
  { to: '/sportello/assegnazione', label: 'console.batch.nav', area: 'desk' },
  { to: '/moderazione', label: 'console.nav.moderation', area: 'moderation' },
  { to: '/moderazione/accreditamenti', label: 'console.nav.accreditation', area: 'moderation' },
  { to: '/moderazione/registro', label: 'console.audit.nav', area: 'moderation' },
  { to: '/moderazione/impostazioni', label: 'console.settings.nav', area: 'moderation' },
  { to: '/indicatori/territorio', label: 'console.map.nav', area: 'indicators' },
  { to: '/amministrazione', label: 'admin.nav.territories', area: 'platform' },
  { to: '/amministrazione/personale', label: 'admin.nav.staff', area: 'platform' },
  { to: '/amministrazione/code', label: 'admin.nav.queues', area: 'platform' },
];

/** The staff console's frame: sign-in, the role check of the page's area, its menu and the territory switch. */
export default function ConsoleLayout() {
  return (
    <RequireSignIn>
      <ConsoleFrame />
    </RequireSignIn>
  );
}

function ConsoleFrame() {
  const { t } = useTranslation();
  const session = useSession();
  const matches = useMatches();
  const roles = session.status === 'signedIn' ? session.session.user.roles.map((role) => role.role) : [];
  const area = [...matches]
    .reverse()
    .map((match) => (match.handle as { area?: ConsoleArea } | undefined)?.area)
    .find(Boolean);
  const links = [
    ...LINKS.filter((link) => canOpen(link.area, roles)),
    // The organisation's page is in the menu of its members only (anyone may open it to register one).
    ...(roles.some((role) => ORGANISATION_MEMBER_ROLES.includes(role))
      ? [{ to: '/ente', label: 'console.nav.organisation', area: 'organisation' as const }]
      : []),
  ];
  if (area && !canOpen(area, roles)) {
    return (
      <Page title={t('console.forbidden.title')}>
        <p className="readable">{t('console.forbidden.body')}</p>
      </Page>
    );
  }
  return (
    <>
      <div className="console-bar">
        <div className="container d-flex flex-wrap align-items-end justify-content-between gap-3 py-2">
          <nav aria-label={t('console.nav.label')}>
            <ul className="console-nav">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end>
                    {t(link.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <TerritorySwitch />
        </div>
      </div>
      <Outlet />
    </>
  );
}

function TerritorySwitch() {
  const { t } = useTranslation();
  const { territories, territory, searched } = useStaffTerritory();
  // A platform administrator may have hundreds: searched on the server, never listed whole.
  if (searched) return <TerritorySearch territory={territory} />;
  if (territories.length < 2 || !territory) {
    return territory ? (
      <p className="mb-0 console-territory">
        {t('console.territory.label')}: <strong>{territory.name}</strong>
      </p>
    ) : null;
  }
  return (
    <div className="console-territory">
      <label htmlFor="console-territory" className="form-field__label mb-1">
        {t('console.territory.label')}
      </label>
      <select
        id="console-territory"
        className="form-select"
        value={territory.id}
        onChange={(event) => chooseTerritory(event.target.value)}
      >
        {territories.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
    </div>
  );
}
