import { freePort, StackOptions } from './stack';
import {
  DevFederation,
  newRelyingPartyKeys,
  startDevFederation,
} from '../../apps/launcher/src/dev-identity/dev-federation';

export interface FederationStackOptions {
  federation: DevFederation;
  options: StackOptions & { port: number };
  apiOrigin: string;
}

/** The development SPID/CIE federation on loopback, and the stack options of a relying party in it. */
export async function startFederationForStack(
  env: Record<string, string> = {},
): Promise<FederationStackOptions> {
  const port = await freePort();
  const apiOrigin = `http://127.0.0.1:${port}`;
  const rpKeys = newRelyingPartyKeys();
  const federation = await startDevFederation({
    rpEntityId: apiOrigin,
    rpFederationJwks: rpKeys.OIDC_RP_FEDERATION_JWKS,
  });
  return {
    federation,
    apiOrigin,
    options: { port, env: { ...rpKeys, ...federation.environment, ...env } },
  };
}

/**
 * A browser's part in the redirects: keeps each origin's cookies, follows redirects by hand (so a
 * test sees each hop), and submits the provider's login form.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        accept: 'text/html',
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    const jar = this.jar.get(target.origin) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    this.jar.set(target.origin, jar);
    return response;
  }

  /** Follows redirects until a page answers or `stopAt` says to stop (a URL it does not fetch). */
  async follow(
    url: string,
    stopAt: (url: URL) => boolean = () => false,
  ): Promise<{ url: URL; response?: Response }> {
    let current = new URL(url);
    for (let hop = 0; hop < 12; hop++) {
      if (stopAt(current)) return { url: current };
      const response = await this.request(current.toString());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current);
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** On the provider's login page at `url`: picks the identity and level, and submits (or cancels). */
  async submitLogin(
    loginPage: URL,
    choice: { identity?: string; level?: number; cancel?: boolean },
  ): Promise<Response> {
    return this.request(loginPage.toString(), {
      method: 'POST',
      form: {
        identity: choice.identity ?? 'mario-rossi',
        level: String(choice.level ?? 2),
        action: choice.cancel ? 'cancel' : 'login',
      },
    });
  }
}
