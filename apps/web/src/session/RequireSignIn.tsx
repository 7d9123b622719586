import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { Navigate, useLocation } from 'react-router';
import { signInPathFor } from './return-path';
import { useSession } from './session';

/** Only paths inside the app: a `dopo` parameter must never send the person to another site. */
export function safeReturnPath(path: string | null): string {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/area';
}

/**
 * Wraps a route that needs a signed-in person: while the silent refresh runs it waits; signed out,
 * it goes to sign-in and comes back here afterwards (`/accedi?dopo=...`).
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <p className="container py-5">{t('state.loading')}</p>;
  if (session.status === 'signedOut') {
    return <Navigate to={signInPathFor(location.pathname, location.search)} replace />;
  }
  return <>{children}</>;
}
