import { useSyncExternalStore } from 'react';
import type { AuthLevel, SessionUserFragment } from '../gql/graphql';

/**
 * The signed-in state, in memory only: the access token never reaches storage a script could read
 * later, and the refresh token is an HttpOnly cookie the page cannot read at all (docs/identity.md, Sessions on the web).
 */
export interface Session {
  accessToken: string;
  accessTokenExpiresAt: number;
  /** SPID_L2, CIE_L3…: how this session was signed in; null for the phone and SMS code. */
  authLevel: AuthLevel | null;
  user: SessionUserFragment;
}

export type SessionState =
  { status: 'unknown' } | { status: 'signedOut' } | { status: 'signedIn'; session: Session };

let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();

export function sessionState(): SessionState {
  return state;
}

export function setSession(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function accessToken(): string | undefined {
  return state.status === 'signedIn' ? state.session.accessToken : undefined;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, sessionState, sessionState);
}
