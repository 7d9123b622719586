import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from '../i18n';
import { parseAuthLevel, signInPathFor, withoutReturnParameters } from '../session/return-path';
import { useSession } from '../session/session';

/**
 * Back from SPID or CIE: the api set the session cookie and sent the browser to `<page>?accesso=
 * <level>`; the silent sign-in on load (main.tsx) has read that cookie like after any reload. Once
 * it has, this says so and takes ?accesso off the address, so that a reload or a bookmark does not
 * claim a new sign-in. No session although the provider said yes: the sign-in page explains
 * (RequireSignIn, on pages that need a session, sends there too).
 */
export function IdentityReturn() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<{ path: string; method: string; level: number }>();
  const accesso = new URLSearchParams(location.search).get('accesso');

  useEffect(() => {
    if (accesso === null || session.status === 'unknown') return;
    if (session.status === 'signedOut') {
      navigate(signInPathFor(location.pathname, location.search), { replace: true });
      return;
    }
    const identity = parseAuthLevel(accesso);
    // "La mia area" says how the person signed in already.
    if (identity && location.pathname !== '/area') setNotice({ path: location.pathname, ...identity });
    navigate(`${withoutReturnParameters(location.pathname, location.search)}${location.hash}`, {
      replace: true,
    });
  }, [accesso, session.status, location.pathname, location.search, location.hash, navigate]);

  if (!notice || notice.path !== location.pathname) return null;
  return (
    <div className="container pt-3">
      <p className="alert alert-success mb-0" role="status">
        {t('identityReturn.signedIn', notice)}
      </p>
    </div>
  );
}
