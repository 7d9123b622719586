import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, DomainError, Language, sha256 } from '@prossimo/platform';
import { DataSource } from 'typeorm';
import { validatePersonCodiceFiscale } from '../codice-fiscale/codice-fiscale';
import { CodiceFiscaleService } from '../codice-fiscale/codice-fiscale.service';
import { IssuedTokens, SessionService } from '../sessions/session.service';
import { UsersRepository } from '../users/users.repository';
import { loadJose, loadOpenIdClient } from './esm';
import {
  ENTITY_STATEMENT_TYPE,
  PublicJwks,
  sameEntity,
  TrustChain,
  TrustChainError,
  TrustChainResolver,
} from './federation';
import { KeySet, readKeySet } from './keys';
import {
  ACR_VALUES,
  AssuranceLevel,
  authLevelOf,
  AuthLevel,
  codiceFiscaleOfFiscalNumber,
  FISCAL_NUMBER_CLAIM,
  IdentityProviderKind,
  levelOfAcr,
} from './levels';
import { OidcSignInsRepository, PendingRequest } from './oidc-sign-ins.repository';

export const CALLBACK_PATH = '/auth/oidc/callback';
const ID_TOKEN_ALGORITHMS = ['RS256', 'RS512', 'PS256', 'ES256', 'ES384'];

interface RelyingPartyKeys {
  federation: KeySet;
  core: KeySet;
}

export interface IdentityProviderInfo {
  kind: IdentityProviderKind;
  entityId: string;
  name: string;
}

export interface StartSignIn {
  kind: IdentityProviderKind;
  providerEntityId?: string;
  level: AssuranceLevel;
  /** The signed-in account to link the identity to (a phone-verified session), if any. */
  linkUserId?: string;
  returnPath: string;
  language: Language;
}

export type SignInFailure =
  | 'cancelled'
  | 'state_invalid'
  | 'provider_untrusted'
  | 'token_invalid'
  | 'level_too_low'
  | 'identity_incomplete'
  | 'codice_fiscale_taken'
  | 'account_suspended'
  | 'failed';

export type SignInOutcome =
  | { ok: true; tokens: IssuedTokens; authLevel: AuthLevel; returnPath: string; created: boolean }
  | { ok: false; failure: SignInFailure; returnPath: string };

/** The person as SPID or CIE vouches for them. */
export interface VerifiedPerson {
  codiceFiscale: string;
  givenName?: string;
  familyName?: string;
  phone?: string;
  email?: string;
}

class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * The relying party of the SPID/CIE OpenID Connect Federation: publishes its entity configuration,
 * sends the person to a provider whose trust chain reaches our trust anchor (authorisation code
 * flow, PKCE, signed request object, private_key_jwt), and on their return checks the ID token and
 * the userinfo against the keys of that chain before signing the person in.
 */
@Injectable()
export class RelyingPartyService {
  private readonly logger = new Logger(RelyingPartyService.name);
  private keys?: Promise<RelyingPartyKeys>;
  private readonly resolver?: TrustChainResolver;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly codiciFiscali: CodiceFiscaleService,
    private readonly signIns: OidcSignInsRepository,
    private readonly users: UsersRepository,
  ) {
    if (this.enabled) {
      this.resolver = new TrustChainResolver({
        trustAnchor: config.OIDC_TRUST_ANCHOR as string,
        trustAnchorJwks: JSON.parse(config.OIDC_TRUST_ANCHOR_JWKS as string) as PublicJwks,
        timeoutMs: config.OIDC_HTTP_TIMEOUT_MS,
        allowHttp: config.OIDC_ALLOW_HTTP,
      });
    }
  }

  get enabled(): boolean {
    return !!this.config.OIDC_RP_ENTITY_ID;
  }

  get entityId(): string {
    if (!this.config.OIDC_RP_ENTITY_ID) throw new DomainError('IDENTITY_PROVIDER_NOT_CONFIGURED');
    return this.config.OIDC_RP_ENTITY_ID.replace(/\/+$/, '');
  }

  get redirectUri(): string {
    return `${this.entityId}${CALLBACK_PATH}`;
  }

  /** Read once; a bad key stops the first use with the setting's name (and boot, see onModuleInit). */
  loadKeys(): Promise<RelyingPartyKeys> {
    this.keys ??= (async () => ({
      federation: await readKeySet(this.config.OIDC_RP_FEDERATION_JWKS ?? '', 'OIDC_RP_FEDERATION_JWKS'),
      core: await readKeySet(this.config.OIDC_RP_JWKS ?? '', 'OIDC_RP_JWKS'),
    }))();
    return this.keys;
  }

  /** Our entity configuration: a JWT signed with the first federation key. */
  async entityConfiguration(): Promise<string> {
    const jose = await loadJose();
    const keys = await this.loadKeys();
    const now = Math.floor(Date.now() / 1000);
    const contacts = this.config.OIDC_RP_CONTACTS;
    const trustMarks = this.config.OIDC_RP_TRUST_MARKS
      ? (JSON.parse(this.config.OIDC_RP_TRUST_MARKS) as unknown[])
      : undefined;
    return new jose.SignJWT({
      jwks: keys.federation.publicJwks,
      authority_hints: this.config.OIDC_RP_AUTHORITY_HINTS.length
        ? this.config.OIDC_RP_AUTHORITY_HINTS
        : [this.config.OIDC_TRUST_ANCHOR],
      ...(trustMarks ? { trust_marks: trustMarks } : {}),
      metadata: {
        federation_entity: {
          organization_name: this.config.OIDC_RP_ORGANIZATION_NAME,
          homepage_uri: this.entityId,
          ...(contacts.length ? { contacts } : {}),
        },
        openid_relying_party: {
          client_id: this.entityId,
          client_name: this.config.OIDC_RP_ORGANIZATION_NAME,
          client_registration_types: ['automatic'],
          application_type: 'web',
          redirect_uris: [this.redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          subject_type: 'pairwise',
          token_endpoint_auth_method: 'private_key_jwt',
          id_token_signed_response_alg: 'RS256',
          userinfo_signed_response_alg: 'RS256',
          userinfo_encrypted_response_alg: 'RSA-OAEP-256',
          userinfo_encrypted_response_enc: 'A256CBC-HS512',
          jwks: keys.core.publicJwks,
          ...(contacts.length ? { contacts } : {}),
        },
      },
    })
      .setProtectedHeader({
        alg: keys.federation.signing.alg,
        kid: keys.federation.signing.kid,
        typ: ENTITY_STATEMENT_TYPE,
      })
      .setIssuer(this.entityId)
      .setSubject(this.entityId)
      .setIssuedAt(now)
      .setExpirationTime(now + this.config.OIDC_ENTITY_CONFIGURATION_TTL_SECONDS)
      .sign(keys.federation.signing.key);
  }

  /** The providers offered, with their names; one whose chain does not resolve is left out. */
  async providers(): Promise<IdentityProviderInfo[]> {
    if (!this.enabled) return [];
    const listed = [
      ...this.config.OIDC_SPID_PROVIDERS.map((entityId) => ({ kind: IdentityProviderKind.SPID, entityId })),
      ...(this.config.OIDC_CIE_PROVIDER
        ? [{ kind: IdentityProviderKind.CIE, entityId: this.config.OIDC_CIE_PROVIDER }]
        : []),
    ];
    const resolved = await Promise.all(
      listed.map(async (provider) => {
        try {
          const chain = await this.chainOf(provider.entityId);
          const name =
            typeof chain.metadata.organization_name === 'string'
              ? chain.metadata.organization_name
              : new URL(provider.entityId).host;
          return { ...provider, name };
        } catch (error) {
          this.logger.warn(`Identity provider ${provider.entityId} left out: ${(error as Error).message}`);
          return undefined;
        }
      }),
    );
    return resolved.filter((provider): provider is IdentityProviderInfo => !!provider);
  }

  /** Records the pending request and answers the provider's authorisation URL. */
  async start(input: StartSignIn): Promise<URL> {
    const entityId = this.providerEntityId(input.kind, input.providerEntityId);
    const client = await loadOpenIdClient();
    let chain: TrustChain;
    try {
      chain = await this.chainOf(entityId);
    } catch (error) {
      this.logger.warn(`Sign-in with ${entityId} refused: ${(error as Error).message}`);
      throw new DomainError('IDENTITY_PROVIDER_UNTRUSTED', { field: 'input.providerEntityId' });
    }
    const keys = await this.loadKeys();
    const configuration = await this.clientConfiguration(chain, keys);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await this.signIns.insertAuthorizationRequest({
      stateHash: sha256(state),
      kind: input.kind,
      providerEntityId: entityId,
      level: input.level,
      nonce,
      codeVerifier,
      linkUserId: input.linkUserId ?? null,
      returnPath: input.returnPath,
      language: input.language,
      ttlSeconds: this.config.OIDC_AUTHORIZATION_TTL_SECONDS,
    });
    const parameters = {
      client_id: this.entityId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: this.redirectUri,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      acr_values: ACR_VALUES[input.level],
      prompt: 'consent login',
      ui_locales: input.language,
      claims: JSON.stringify({
        userinfo: {
          given_name: null,
          family_name: null,
          [FISCAL_NUMBER_CLAIM]: { essential: true },
          phone_number: null,
          email: null,
        },
      }),
    };
    const url = await client.buildAuthorizationUrlWithJAR(configuration, parameters, {
      key: keys.core.signing.key as never,
      kid: keys.core.signing.kid,
    });
    // OpenID Connect Core asks for these beside the request object too.
    for (const name of ['client_id', 'response_type', 'scope'] as const)
      url.searchParams.set(name, parameters[name]);
    return url;
  }

  /**
   * The provider sent the person back. Spends the pending request (once: a replayed state finds
   * nothing), exchanges the code, checks the tokens and signs the person in.
   */
  async callback(currentUrl: URL): Promise<SignInOutcome> {
    const state = currentUrl.searchParams.get('state');
    const pending = state ? await this.signIns.takeAuthorizationRequest(sha256(state)) : undefined;
    if (!pending || !pending.live) return { ok: false, failure: 'state_invalid', returnPath: '/' };
    const returnPath = pending.return_path;
    const error = currentUrl.searchParams.get('error');
    if (error) {
      return { ok: false, failure: error === 'access_denied' ? 'cancelled' : 'failed', returnPath };
    }
    try {
      const person = await this.verifiedPerson(currentUrl, state as string, pending);
      const authLevel = authLevelOf(pending.provider_kind, pending.level);
      const { tokens, created } = await this.signIn(person, pending, authLevel);
      return { ok: true, tokens, authLevel, returnPath, created };
    } catch (caught) {
      if (caught instanceof SignInError) {
        this.logger.warn(`SPID/CIE sign-in refused (${caught.failure}): ${caught.message}`);
        return { ok: false, failure: caught.failure, returnPath };
      }
      this.logger.error(`SPID/CIE sign-in failed: ${(caught as Error).message}`);
      return { ok: false, failure: 'failed', returnPath };
    }
  }

  private async verifiedPerson(
    currentUrl: URL,
    state: string,
    pending: PendingRequest,
  ): Promise<VerifiedPerson> {
    const client = await loadOpenIdClient();
    const jose = await loadJose();
    let chain: TrustChain;
    try {
      chain = await this.chainOf(pending.provider_entity_id);
    } catch (error) {
      throw new SignInError('provider_untrusted', (error as Error).message);
    }
    const keys = await this.loadKeys();
    const configuration = await this.clientConfiguration(chain, keys);
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.code_verifier,
        expectedNonce: pending.nonce,
        expectedState: state,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new SignInError('token_invalid', `token exchange: ${(error as Error).message}`);
    }
    const issuer = String(chain.metadata.issuer);
    const providerKeys = jose.createLocalJWKSet(this.providerJwks(chain) as never);
    // openid-client checked the claims; the signature is checked here, with the keys the trust chain
    // vouches for (not a jwks_uri), as are the nonce and the level once more.
    let idToken: Record<string, unknown>;
    try {
      ({ payload: idToken } = await jose.jwtVerify(tokens.id_token as string, providerKeys, {
        issuer,
        audience: this.entityId,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
      }));
    } catch (error) {
      throw new SignInError('token_invalid', `ID token: ${(error as Error).message}`);
    }
    if (idToken.nonce !== pending.nonce) throw new SignInError('token_invalid', 'ID token: nonce');
    const level = levelOfAcr(idToken.acr);
    if (!level || level < pending.level)
      throw new SignInError('level_too_low', `acr ${String(idToken.acr)} below level ${pending.level}`);
    const claims = await this.userinfo(chain, tokens.access_token, keys, issuer, idToken.sub as string);
    const codiceFiscale = codiceFiscaleOfFiscalNumber(claims[FISCAL_NUMBER_CLAIM]);
    if (!codiceFiscale || !validatePersonCodiceFiscale(codiceFiscale, 'codiceFiscale').ok)
      throw new SignInError('identity_incomplete', 'no valid fiscal_number');
    const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
    return {
      codiceFiscale,
      givenName: text(claims.given_name),
      familyName: text(claims.family_name),
      phone: text(claims.phone_number),
      email: text(claims.email),
    };
  }

  /** SPID/CIE userinfo: a JWT signed by the provider, encrypted to our key (or only signed). */
  private async userinfo(
    chain: TrustChain,
    accessToken: string,
    keys: RelyingPartyKeys,
    issuer: string,
    subject: string,
  ): Promise<Record<string, unknown>> {
    const jose = await loadJose();
    const endpoint = chain.metadata.userinfo_endpoint;
    if (typeof endpoint !== 'string') throw new SignInError('provider_untrusted', 'no userinfo endpoint');
    const response = await fetch(endpoint, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/jwt' },
      redirect: 'error',
      signal: AbortSignal.timeout(this.config.OIDC_HTTP_TIMEOUT_MS),
    });
    if (!response.ok) throw new SignInError('token_invalid', `userinfo answered ${response.status}`);
    let jwt = (await response.text()).trim();
    try {
      if (jwt.split('.').length === 5) {
        const { kid } = jose.decodeProtectedHeader(jwt);
        const key = (kid && keys.core.decryption.get(kid)) || [...keys.core.decryption.values()][0];
        if (!key) throw new Error('encrypted, and we have no encryption key');
        const { plaintext } = await jose.compactDecrypt(jwt, key.key as never, {
          keyManagementAlgorithms: ['RSA-OAEP', 'RSA-OAEP-256', 'ECDH-ES', 'ECDH-ES+A256KW'],
        });
        jwt = new TextDecoder().decode(plaintext);
      }
      const { payload } = await jose.jwtVerify(
        jwt,
        jose.createLocalJWKSet(this.providerJwks(chain) as never),
        {
          issuer,
          audience: this.entityId,
          subject,
          algorithms: ID_TOKEN_ALGORITHMS,
        },
      );
      return payload;
    } catch (error) {
      throw new SignInError('token_invalid', `userinfo: ${(error as Error).message}`);
    }
  }

  /**
   * The account of this person: the one holding their codice fiscale; else the signed-in account
   * that asked to link; else a new one. The phone SPID gives is not used for messages: a number
   * becomes the person's only through the SMS check.
   */
  private async signIn(
    person: VerifiedPerson,
    pending: PendingRequest,
    authLevel: AuthLevel,
  ): Promise<{ tokens: IssuedTokens; created: boolean }> {
    const sealed = this.codiciFiscali.seal(person.codiceFiscale, 'codiceFiscale');
    const displayName = [person.givenName, person.familyName].filter(Boolean).join(' ') || null;
    return this.dataSource.transaction(async (manager) => {
      const holder = await this.signIns.lockHolderOfCodiceFiscale(manager, sealed.hmac);
      let userId: string;
      let created = false;
      if (holder) {
        if (pending.link_user_id && pending.link_user_id !== holder.id)
          throw new SignInError('codice_fiscale_taken', 'the code belongs to another account');
        if (holder.status !== 'active') throw new SignInError('account_suspended', 'account not active');
        userId = holder.id;
        await this.signIns.fillDisplayName(manager, userId, displayName);
      } else if (pending.link_user_id) {
        const linked = await this.signIns.linkCodiceFiscale(
          manager,
          pending.link_user_id,
          sealed,
          displayName,
        );
        // The signed-in account carries another person's code: not the same person.
        if (!linked) throw new SignInError('codice_fiscale_taken', 'the signed-in account has another code');
        userId = linked;
      } else {
        userId = await this.signIns.insertUser(manager, displayName, pending.language, sealed);
        created = true;
        await this.users.grantCitizenRole(manager, userId);
      }
      this.sessions.forgetCheckedSessions(userId);
      return { tokens: await this.sessions.issue(manager, userId, undefined, authLevel), created };
    });
  }

  private providerEntityId(kind: IdentityProviderKind, requested: string | undefined): string {
    if (!this.enabled) throw new DomainError('IDENTITY_PROVIDER_NOT_CONFIGURED');
    const offered =
      kind === IdentityProviderKind.CIE
        ? this.config.OIDC_CIE_PROVIDER
          ? [this.config.OIDC_CIE_PROVIDER]
          : []
        : this.config.OIDC_SPID_PROVIDERS;
    const chosen = requested ? offered.find((entityId) => sameEntity(entityId, requested)) : offered[0];
    if (!chosen) throw new DomainError('IDENTITY_PROVIDER_UNKNOWN', { field: 'input.providerEntityId' });
    return chosen;
  }

  private chainOf(entityId: string): Promise<TrustChain> {
    if (!this.resolver) throw new DomainError('IDENTITY_PROVIDER_NOT_CONFIGURED');
    return this.resolver.resolve(entityId, 'openid_provider');
  }

  private providerJwks(chain: TrustChain): PublicJwks {
    const jwks = chain.metadata.jwks as PublicJwks | undefined;
    if (!jwks?.keys?.length) throw new TrustChainError('the provider publishes no keys in its metadata');
    return jwks;
  }

  private async clientConfiguration(chain: TrustChain, keys: RelyingPartyKeys) {
    const client = await loadOpenIdClient();
    const configuration = new client.Configuration(
      chain.metadata as never,
      this.entityId,
      { redirect_uris: [this.redirectUri], id_token_signed_response_alg: 'RS256' },
      client.PrivateKeyJwt({ key: keys.core.signing.key as never, kid: keys.core.signing.kid }),
    );
    configuration.timeout = Math.ceil(this.config.OIDC_HTTP_TIMEOUT_MS / 1000);
    if (this.config.OIDC_ALLOW_HTTP) client.allowInsecureRequests(configuration);
    return configuration;
  }
}
