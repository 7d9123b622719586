import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { apolloClient, setSessionRenewal } from '../api/client';
import type { AuthLevel, SessionUserFragment } from '../gql/graphql';
import { REFRESH_SESSION, SIGN_OUT } from './operations';
import { sessionState, setSession } from './session';

// Refresh this long before the access token expires, so that no request meets an expired one.
const REFRESH_MARGIN_MS = 60_000;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | undefined;

/** Stores new tokens and schedules the next silent refresh. */
export function startSession(tokens: {
  accessToken: string;
  accessTokenExpiresAt: string;
  authLevel?: AuthLevel | null;
  user: SessionUserFragment;
}): void {
  const expiresAt = Date.parse(tokens.accessTokenExpiresAt);
  setSession({
    status: 'signedIn',
    session: {
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: expiresAt,
      authLevel: tokens.authLevel ?? null,
      user: tokens.user,
    },
  });
  clearTimeout(timer);
  timer = setTimeout(
    () => void refreshSession(),
    Math.max(5_000, expiresAt - Date.now() - REFRESH_MARGIN_MS),
  );
}

/**
 * Exchanges the HttpOnly cookie for a new access token. Resolves false when there is no valid
 * session (signed out); throws when the api cannot be reached, so the caller can offer a retry.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      const result = await apolloClient.mutate({ mutation: REFRESH_SESSION });
      const payload = result.data?.refreshSession;
      if (!payload) throw new Error('refreshSession returned no data');
      startSession(payload);
      return true;
    } catch (error) {
      if (CombinedGraphQLErrors.is(error)) {
        endSession();
        return false;
      }
      throw error;
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}

// A request refused because another tab rotated the session renews through the shared cookie.
setSessionRenewal(refreshSession);

function endSession(): void {
  clearTimeout(timer);
  setSession({ status: 'signedOut' });
}

/** Signs out on the api (which clears the cookie), then forgets everything held in memory. */
export async function signOut(): Promise<void> {
  if (sessionState().status === 'signedIn') {
    await apolloClient.mutate({ mutation: SIGN_OUT }).catch(() => undefined);
  }
  endSession();
  await apolloClient.clearStore();
}
