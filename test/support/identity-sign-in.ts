import { ok } from './fixtures';
import { FederationStackOptions, TestBrowser } from './dev-federation';
import { TestStack } from './stack';

const WEB = { 'x-prossimo-client': 'web' };
export const START = `mutation Start($input: StartIdentityProviderSignInInput!) {
  startIdentityProviderSignIn(input: $input) { authorizationUrl }
}`;
const REFRESH = `mutation { refreshSession { accessToken authLevel user { id } } }`;
const ME = `{ me { id displayName phoneE164 codiceFiscale } }`;

export interface SignedIn {
  accessToken: string;
  authLevel: string | null;
  user: { id: string; displayName: string | null; phoneE164: string | null; codiceFiscale: string | null };
}

/**
 * Sign-in through the development SPID/CIE provider over real HTTP on loopback: the api's
 * authorisation URL, the provider's login page, our callback, and the web app's cookie refresh.
 * Getters, because the stack and the federation start in beforeAll.
 */
export function identitySignIn(getStack: () => TestStack, getSetup: () => FederationStackOptions) {
  const isCallback = (url: URL) =>
    url.origin === getSetup().apiOrigin && url.pathname === '/auth/oidc/callback';

  async function authorizationUrl(input: Record<string, unknown>, token?: string): Promise<string> {
    const result = await getStack().graphql<{ startIdentityProviderSignIn: { authorizationUrl: string } }>(
      START,
      { input },
      { token },
    );
    return ok(result).startIdentityProviderSignIn.authorizationUrl;
  }

  /** Through the provider's login page to our callback; answers the callback's URL (not fetched). */
  async function throughProvider(
    browser: TestBrowser,
    url: string,
    choice: { identity?: string; level?: number; cancel?: boolean } = {},
  ): Promise<URL> {
    const login = await browser.follow(url);
    expect(login.response?.status).toBe(200);
    expect(await login.response?.text()).toContain('Identità di prova');
    const submitted = await browser.submitLogin(login.url, choice);
    expect(submitted.status).toBe(303);
    const back = await browser.follow(
      new URL(submitted.headers.get('location') as string, login.url).toString(),
      isCallback,
    );
    expect(isCallback(back.url)).toBe(true);
    return back.url;
  }

  /** The callback, then the web app's refresh with its cookie, as the app does on load. */
  async function complete(
    browser: TestBrowser,
    callback: URL,
  ): Promise<{ location: string; session?: SignedIn }> {
    const response = await browser.request(callback.toString());
    expect(response.status).toBe(303);
    const location = response.headers.get('location') as string;
    const cookie = browser.cookie(getSetup().apiOrigin, 'prossimo_refresh');
    if (!cookie) return { location };
    const refreshed = await fetch(`${getSetup().apiOrigin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `prossimo_refresh=${cookie}`, ...WEB },
      body: JSON.stringify({ query: REFRESH }),
    });
    const body = (await refreshed.json()) as {
      data?: { refreshSession: { accessToken: string; authLevel: string | null } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    const { accessToken, authLevel } = body.data?.refreshSession ?? { accessToken: '', authLevel: null };
    const me = ok(await getStack().graphql<{ me: SignedIn['user'] }>(ME, {}, { token: accessToken })).me;
    return { location, session: { accessToken, authLevel, user: me } };
  }

  async function signIn(
    input: Record<string, unknown>,
    choice: { identity?: string; level?: number } = {},
    token?: string,
  ): Promise<{ location: string; session?: SignedIn }> {
    const browser = new TestBrowser();
    const callback = await throughProvider(browser, await authorizationUrl(input, token), choice);
    return complete(browser, callback);
  }

  return { isCallback, authorizationUrl, throughProvider, complete, signIn };
}
