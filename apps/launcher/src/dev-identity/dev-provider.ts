import { createHash, randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  ACR_VALUES,
  AssuranceLevel,
  FISCAL_NUMBER_CLAIM,
  IdentityProviderKind,
  levelOfAcr,
  TrustChainResolver,
} from '@prossimo/identity';
import { DevTrustAnchor, send, signEntityStatement } from './trust-anchor';
import { close, escapeHtml, listen, readForm } from './http';
import { newRsaJwk, PrivateJwk, publicJwks } from './keys';
import { TEST_IDENTITIES, TestIdentity } from './test-identities';

/** Re-signs claims with the provider's own ID token key (tests build wrong tokens with it). */
export type IdTokenRewriter = (
  idToken: string,
  tools: { resign: (claims: Record<string, unknown>, header?: Record<string, unknown>) => Promise<string> },
) => Promise<string> | string;

interface ProviderLike {
  callback(): (request: IncomingMessage, response: ServerResponse) => void;
  use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<{ uid: string; params: Record<string, unknown>; prompt: { name: string } }>;
  interactionFinished(
    request: IncomingMessage,
    response: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (properties: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}

interface KoaContext {
  path: string;
  method: string;
  status: number;
  body: unknown;
}

const CLAIMS = ['given_name', 'family_name', FISCAL_NUMBER_CLAIM, 'phone_number', 'email'];

/**
 * A development SPID or CIE identity provider on loopback: a real OpenID Connect provider
 * (oidc-provider) in the federation of a DevTrustAnchor. It registers relying parties
 * automatically by resolving their trust chain to the anchor, and issues SPID-shaped claims
 * (given_name, family_name, fiscal_number "TINIT-…", phone_number, email) for the test
 * identities, chosen on its own login page at the level asked for.
 */
export class DevIdentityProvider {
  readonly federationKey: PrivateJwk = newRsaJwk('sig');
  readonly signingKey: PrivateJwk = newRsaJwk('sig');
  /** Tests: rewrites the next ID tokens the token endpoint answers. */
  rewriteIdToken?: IdTokenRewriter;
  entityId = '';
  private server?: Server;
  private provider?: ProviderLike;

  constructor(
    readonly kind: IdentityProviderKind,
    private readonly trustAnchor: DevTrustAnchor,
    readonly identities: readonly TestIdentity[] = TEST_IDENTITIES,
  ) {}

  get name(): string {
    return this.kind === IdentityProviderKind.CIE ? 'CIE di sviluppo' : 'SPID di sviluppo';
  }

  async start(port = 0): Promise<string> {
    let origin = '';
    const { server, origin: listening } = await listen(
      (request, response) => this.handle(request, response, origin),
      port,
    );
    origin = listening;
    this.server = server;
    this.entityId = origin;
    this.provider = await this.createProvider(origin);
    this.trustAnchor.register(origin, publicJwks([this.federationKey]));
    return origin;
  }

  stop(): Promise<void> {
    this.trustAnchor.unregister(this.entityId);
    return close(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
    const provider = this.provider;
    if (!provider) {
      response.writeHead(503).end();
      return;
    }
    const path = new URL(request.url ?? '/', origin).pathname;
    if (path === '/.well-known/openid-federation')
      return send(response, await this.entityConfiguration(origin));
    const interaction = /^\/interaction\/([\w-]+)$/.exec(path);
    if (interaction && request.method === 'GET') return this.loginPage(provider, request, response);
    if (interaction && request.method === 'POST') return this.login(provider, request, response);
    provider.callback()(request, response);
  }

  private async createProvider(issuer: string): Promise<ProviderLike> {
    const { default: Provider } = (await import('oidc-provider')) as unknown as {
      default: new (issuer: string, configuration: Record<string, unknown>) => ProviderLike;
    };
    const resolver = new TrustChainResolver({
      trustAnchor: this.trustAnchor.entityId,
      trustAnchorJwks: this.trustAnchor.jwks,
      timeoutMs: 5000,
      allowHttp: true,
    });
    const identities = this.identities;
    const pairwiseSalt = randomBytes(16).toString('hex');
    const provider = new Provider(issuer, {
      adapter: federationAdapter(resolver),
      jwks: { keys: [this.signingKey] },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      acrValues: Object.values(ACR_VALUES),
      claims: {
        openid: ['sub'],
        profile: ['given_name', 'family_name'],
        email: ['email'],
        phone: ['phone_number'],
        [FISCAL_NUMBER_CLAIM]: null,
      },
      features: {
        claimsParameter: { enabled: true },
        requestObjects: { enabled: true, requireSignedRequestObject: true },
        jwtUserinfo: { enabled: true },
        encryption: { enabled: true },
        devInteractions: { enabled: false },
      },
      enabledJWA: {
        userinfoEncryptionAlgValues: ['RSA-OAEP', 'RSA-OAEP-256'],
        userinfoEncryptionEncValues: ['A128CBC-HS256', 'A256CBC-HS512'],
      },
      clientAuthMethods: ['private_key_jwt'],
      subjectTypes: ['public', 'pairwise'],
      pairwiseIdentifier: (_ctx: unknown, accountId: string, client: { sectorIdentifier: string }) =>
        createHash('sha256').update(`${client.sectorIdentifier}|${accountId}|${pairwiseSalt}`).digest('hex'),
      pkce: { required: () => true },
      interactions: {
        url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx: unknown, id: string) => {
        const identity = identities.find((candidate) => candidate.id === id);
        if (!identity) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            given_name: identity.givenName,
            family_name: identity.familyName,
            [FISCAL_NUMBER_CLAIM]: `TINIT-${identity.codiceFiscale}`,
            phone_number: identity.phone,
            email: identity.email,
          }),
        };
      },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        IdToken: 600,
        Interaction: 600,
        Session: 600,
        Grant: 600,
      },
      renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
        ctx.type = 'html';
        ctx.body = page(
          'Errore',
          `<p>${escapeHtml(out.error ?? 'error')}: ${escapeHtml(out.error_description ?? '')}</p>`,
        );
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && ctx.status === 200 && body?.id_token && this.rewriteIdToken) {
        ctx.body = {
          ...body,
          id_token: await this.rewriteIdToken(body.id_token, {
            resign: (claims, header) => this.resign(claims, header),
          }),
        };
      }
    });
    return provider;
  }

  private async resign(
    claims: Record<string, unknown>,
    header: Record<string, unknown> = {},
  ): Promise<string> {
    const jose = await import('jose');
    return new jose.SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.signingKey.kid, ...header })
      .sign(await jose.importJWK(this.signingKey, 'RS256'));
  }

  private async entityConfiguration(origin: string): Promise<string> {
    const discovery = (await (await fetch(`${origin}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    return signEntityStatement(
      {
        iss: origin,
        sub: origin,
        jwks: publicJwks([this.federationKey]),
        authority_hints: [this.trustAnchor.entityId],
        metadata: {
          federation_entity: { organization_name: this.name, homepage_uri: origin },
          openid_provider: {
            ...discovery,
            organization_name: this.name,
            // Inline, as in SPID/CIE: the relying party trusts the keys the chain vouches for.
            jwks: publicJwks([this.signingKey]),
            client_registration_types_supported: ['automatic'],
            request_authentication_methods_supported: { authorization_endpoint: ['request_object'] },
          },
        },
      },
      this.federationKey,
    );
  }

  /** The login page: pick a test identity (and a level), or cancel. A development tool. */
  private async loginPage(
    provider: ProviderLike,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const details = await provider.interactionDetails(request, response);
    const requested = levelOfAcr(String(details.params.acr_values ?? '').split(' ')[0]) ?? 2;
    const options = this.identities
      .map(
        (identity, index) =>
          `<li><label><input type="radio" name="identity" value="${escapeHtml(identity.id)}"${index === 0 ? ' checked' : ''}> ` +
          `${escapeHtml(identity.givenName)} ${escapeHtml(identity.familyName)} (${escapeHtml(identity.codiceFiscale)})</label></li>`,
      )
      .join('');
    const levels = ([1, 2, 3] as AssuranceLevel[])
      .map(
        (level) =>
          `<option value="${level}"${level === requested ? ' selected' : ''}>SPID L${level}</option>`,
      )
      .join('');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      page(
        `${this.name}: accedi`,
        `<p>Fornitore di identità <strong>di sviluppo</strong>: nessuna credenziale, scegli chi sei.
         Livello richiesto: SPID L${requested}.</p>
         <form method="post" action="/interaction/${escapeHtml(details.uid)}">
           <fieldset><legend>Identità di prova</legend><ul>${options}</ul></fieldset>
           <p><label for="level">Livello</label> <select id="level" name="level">${levels}</select></p>
           <p><button type="submit" name="action" value="login">Entra</button>
              <button type="submit" name="action" value="cancel">Annulla</button></p>
         </form>`,
      ),
    );
  }

  private async login(
    provider: ProviderLike,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const form = await readForm(request);
    const details = await provider.interactionDetails(request, response);
    if (form.get('action') === 'cancel') {
      await provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in',
      });
      return;
    }
    const identity = this.identities.find((candidate) => candidate.id === form.get('identity'));
    const level = Number(form.get('level')) as AssuranceLevel;
    if (!identity || !ACR_VALUES[level]) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Choose an identity and a level');
      return;
    }
    const grant = new provider.Grant({ accountId: identity.id, clientId: String(details.params.client_id) });
    grant.addOIDCScope('openid');
    grant.addOIDCClaims(CLAIMS);
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: identity.id, acr: ACR_VALUES[level] }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}
button[value=login]{background:#0066cc;color:#fff;border:0;border-radius:4px}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

type Stored = { payload: Record<string, unknown>; expiresAt?: number };

/**
 * oidc-provider's storage, in memory, except clients: a relying party is found by resolving its
 * trust chain to the anchor (SPID/CIE automatic registration), its metadata taken from the chain.
 */
function federationAdapter(resolver: TrustChainResolver) {
  const store = new Map<string, Stored>();
  const live = (key: string): Stored | undefined => {
    const stored = store.get(key);
    if (stored?.expiresAt && stored.expiresAt < Date.now()) {
      store.delete(key);
      return undefined;
    }
    return stored;
  };
  return class FederationAdapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number): Promise<void> {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      if (typeof payload.uid === 'string') store.set(`uid:${payload.uid}`, { payload: { id } });
      if (typeof payload.grantId === 'string') {
        const grantKey = `grant:${payload.grantId}`;
        const members = (store.get(grantKey)?.payload.keys as string[] | undefined) ?? [];
        store.set(grantKey, { payload: { keys: [...members, this.key(id)] } });
      }
    }

    async find(id: string): Promise<Record<string, unknown> | undefined> {
      if (this.model === 'Client') {
        try {
          const chain = await resolver.resolve(id, 'openid_relying_party');
          const metadata = chain.metadata;
          return {
            client_id: id,
            redirect_uris: metadata.redirect_uris,
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'private_key_jwt',
            jwks: metadata.jwks,
            client_name: metadata.client_name,
            subject_type: metadata.subject_type ?? 'pairwise',
            id_token_signed_response_alg: metadata.id_token_signed_response_alg ?? 'RS256',
            userinfo_signed_response_alg: metadata.userinfo_signed_response_alg ?? 'RS256',
            ...(metadata.userinfo_encrypted_response_alg
              ? {
                  userinfo_encrypted_response_alg: metadata.userinfo_encrypted_response_alg,
                  userinfo_encrypted_response_enc: metadata.userinfo_encrypted_response_enc,
                }
              : {}),
          };
        } catch {
          // No chain to the anchor: an unknown client.
          return undefined;
        }
      }
      return live(this.key(id))?.payload;
    }

    async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
      const id = store.get(`uid:${uid}`)?.payload.id as string | undefined;
      return id ? this.find(id) : undefined;
    }

    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const stored = live(this.key(id));
      if (stored) stored.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of (store.get(`grant:${grantId}`)?.payload.keys as string[] | undefined) ?? [])
        store.delete(key);
      store.delete(`grant:${grantId}`);
    }
  };
}
