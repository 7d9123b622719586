import { useTranslation } from '../i18n';
import { Link } from 'react-router';
import { Page } from '../layout/Page';
import { parseAuthLevel } from '../session/return-path';
import { useSession } from '../session/session';

export default function MyArea() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  const { user, authLevel } = session.session;
  const roles = [...new Set(user.roles.map((role) => role.role))];
  // How this session was opened: SPID or CIE (with its level), else the phone number's SMS code.
  const identity = parseAuthLevel(authLevel);
  const welcome = identity
    ? t('myArea.welcomeIdentity', identity)
    : t('myArea.welcome', { phone: user.phoneE164 ?? '' });
  return (
    <Page title={t('myArea.title')} lead={welcome}>
      <section aria-labelledby="roles-title" className="readable mb-4">
        <h2 id="roles-title">{t('myArea.rolesTitle')}</h2>
        {roles.length ? (
          <ul data-testid="roles">
            {roles.map((role) => (
              <li key={role}>{t(`myArea.role.${role}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('myArea.noRoles')}</p>
        )}
      </section>
      <section aria-labelledby="next-title" className="readable">
        <h2 id="next-title">{t('myArea.nextTitle')}</h2>
        <ul>
          <li>
            <Link to="/richieste/nuova">{t('home.needHelp')}</Link>
          </li>
          <li>
            <Link to="/volontario">{t('home.giveHelp')}</Link>
          </li>
          <li>
            <Link to="/servizi">{t('home.search')}</Link>
          </li>
        </ul>
      </section>
    </Page>
  );
}
