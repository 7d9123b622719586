import { Server } from 'node:http';
import { ENTITY_STATEMENT_MEDIA_TYPE, ENTITY_STATEMENT_TYPE } from '@prossimo/identity';
import { close, listen } from './http';
import { newRsaJwk, PrivateJwk, publicJwks } from './keys';

type Jwks = { keys: Record<string, unknown>[] };

/**
 * A minimal trust anchor of an OpenID Connect Federation, for development and tests: its entity
 * configuration, and the subordinate statements (fetch endpoint) of the entities registered with
 * it, vouching for their federation keys. The real ones are AgID's (SPID) and IPZS's (CIE).
 */
export class DevTrustAnchor {
  readonly key: PrivateJwk = newRsaJwk('sig');
  private readonly subordinates = new Map<string, Jwks>();
  private readonly policies = new Map<string, Record<string, unknown>>();
  private server?: Server;
  entityId = '';

  get jwks(): Jwks {
    return publicJwks([this.key]);
  }

  async start(port = 0): Promise<string> {
    const { server, origin } = await listen(async (request, response) => {
      const url = new URL(request.url ?? '/', origin);
      if (url.pathname === '/.well-known/openid-federation') {
        return send(response, await this.entityConfiguration());
      }
      if (url.pathname === '/fetch') {
        const subject = url.searchParams.get('sub') ?? '';
        const keys = this.subordinates.get(subject);
        if (!keys) {
          response.writeHead(404, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: 'not_found', error_description: 'Unknown subordinate' }));
          return;
        }
        const policy = this.policies.get(subject);
        return send(
          response,
          await this.sign({
            iss: this.entityId,
            sub: subject,
            jwks: keys,
            ...(policy ? { metadata_policy: policy } : {}),
          }),
        );
      }
      if (url.pathname === '/list') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify([...this.subordinates.keys()]));
        return;
      }
      response.writeHead(404).end();
    }, port);
    this.server = server;
    this.entityId = origin;
    return origin;
  }

  /** Registers an entity (a provider or the relying party) with its public federation keys. */
  register(entityId: string, jwks: Jwks): void {
    this.subordinates.set(entityId.replace(/\/+$/, ''), jwks);
  }

  /**
   * The metadata policy its statement about the entity carries (per entity type, e.g.
   * openid_provider), as AgID and IPZS set theirs; undefined: none. For tests of the policy rules.
   */
  setMetadataPolicy(entityId: string, policy: Record<string, unknown> | undefined): void {
    const subject = entityId.replace(/\/+$/, '');
    if (policy) this.policies.set(subject, policy);
    else this.policies.delete(subject);
  }

  unregister(entityId: string): void {
    this.subordinates.delete(entityId.replace(/\/+$/, ''));
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  private entityConfiguration(): Promise<string> {
    return this.sign({
      iss: this.entityId,
      sub: this.entityId,
      jwks: this.jwks,
      metadata: {
        federation_entity: {
          organization_name: 'Trust anchor di sviluppo (Prossimo)',
          homepage_uri: this.entityId,
          federation_fetch_endpoint: `${this.entityId}/fetch`,
          federation_list_endpoint: `${this.entityId}/list`,
        },
      },
    });
  }

  private sign(claims: Record<string, unknown>): Promise<string> {
    return signEntityStatement(claims, this.key);
  }
}

export async function signEntityStatement(
  claims: Record<string, unknown>,
  key: PrivateJwk,
  lifetimeSeconds = 3600,
): Promise<string> {
  const jose = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: ENTITY_STATEMENT_TYPE })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(await jose.importJWK(key, 'RS256'));
}

export function send(response: import('node:http').ServerResponse, statement: string): void {
  response.writeHead(200, { 'content-type': ENTITY_STATEMENT_MEDIA_TYPE, 'cache-control': 'no-store' });
  response.end(statement);
}
