import { loadJose } from './esm';
import { applyPolicy, mergePolicies, MetadataPolicy, PolicyError } from './metadata-policy';

/** The JSON Web Key Set of an entity statement (public keys). */
export interface PublicJwks {
  keys: Record<string, unknown>[];
}

/** The claims of an entity configuration or a subordinate statement that we read. */
export interface EntityStatement {
  iss: string;
  sub: string;
  iat: number;
  exp: number;
  jwks?: PublicJwks;
  authority_hints?: string[];
  metadata?: Record<string, Record<string, unknown> | undefined>;
  /** In subordinate statements: per entity type, the policy the superior sets on what is below. */
  metadata_policy?: Record<string, MetadataPolicy | undefined>;
  metadata_policy_crit?: string[];
}

export interface TrustChain {
  /** The leaf's metadata for its role (openid_provider), with its superiors' overrides and policies applied. */
  metadata: Record<string, unknown>;
  /** Seconds since the epoch: the earliest exp of the chain's statements. */
  expiresAt: number;
  /** The statements, leaf first, as fetched (signed JWTs). */
  statements: string[];
}

export class TrustChainError extends Error {}

export const ENTITY_STATEMENT_TYPE = 'entity-statement+jwt';
export const ENTITY_STATEMENT_MEDIA_TYPE = 'application/entity-statement+jwt';
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
/** Leaf, intermediates, anchor: more hops than any Italian federation has. */
const MAX_DEPTH = 4;

export interface FederationOptions {
  trustAnchor: string;
  trustAnchorJwks: PublicJwks;
  timeoutMs: number;
  allowHttp: boolean;
}

export const wellKnownOf = (entityId: string): string =>
  `${entityId.replace(/\/+$/, '')}/.well-known/openid-federation`;

/**
 * Resolves trust chains of OpenID Connect Federation 1.0 as the SPID/CIE rules apply it: from a
 * leaf's entity configuration up through its authority hints to the configured trust anchor,
 * checking each statement's signature (the superior's keys vouch for the subordinate's), type,
 * issuer, subject and expiry. The anchor's keys are the pinned ones, never those it serves.
 */
export class TrustChainResolver {
  private readonly cache = new Map<string, TrustChain>();

  constructor(private readonly options: FederationOptions) {}

  async resolve(entityId: string, role = 'openid_provider'): Promise<TrustChain> {
    const cached = this.cache.get(`${role} ${entityId}`);
    if (cached && cached.expiresAt * 1000 > Date.now()) return cached;
    const chain = await this.resolveFresh(entityId, role);
    this.cache.set(`${role} ${entityId}`, chain);
    return chain;
  }

  private async resolveFresh(entityId: string, role: string): Promise<TrustChain> {
    this.checkUrl(entityId);
    const leafJwt = await this.fetchStatement(wellKnownOf(entityId));
    const leafClaims = await this.unverifiedClaims(leafJwt);
    // Self-signed: verified with its own keys here, and below with the keys its superior vouches for.
    const leaf = await this.verify(leafJwt, leafClaims.jwks, entityId, entityId);
    const path = await this.climb(leaf, leafJwt, 0);
    if (!path) throw new TrustChainError(`The trust chain of ${entityId} does not reach the trust anchor`);
    const ownMetadata = leaf.metadata?.[role];
    if (!ownMetadata) throw new TrustChainError(`${entityId} has no ${role} metadata`);
    // A superior's statement may set metadata for its subordinate: it takes precedence (OIDC-fed).
    const overrides = path.superiorStatements.map((statement) => statement.metadata?.[role] ?? {});
    const overridden: Record<string, unknown> = Object.assign({}, ownMetadata, ...overrides.reverse());
    // Then the superiors' metadata policies, merged from the anchor down (OpenID Federation 6.1).
    let metadata: Record<string, unknown>;
    try {
      const policy = mergePolicies(
        path.superiorStatements.map((statement) => statement.metadata_policy?.[role]).reverse(),
        path.superiorStatements.flatMap((statement) => statement.metadata_policy_crit ?? []),
      );
      metadata = applyPolicy(overridden, policy);
    } catch (error) {
      if (!(error instanceof PolicyError)) throw error;
      throw new TrustChainError(`The metadata policy of the chain of ${entityId}: ${error.message}`);
    }
    return {
      metadata,
      expiresAt: Math.min(leaf.exp, ...path.superiorStatements.map((statement) => statement.exp)),
      statements: [leafJwt, ...path.jwts],
    };
  }

  /** The statements from `subject` up to the anchor, or undefined when no hint leads there. */
  private async climb(
    subject: EntityStatement,
    subjectJwt: string,
    depth: number,
  ): Promise<{ superiorStatements: EntityStatement[]; jwts: string[] } | undefined> {
    if (depth >= MAX_DEPTH) return undefined;
    for (const superiorId of subject.authority_hints ?? []) {
      try {
        this.checkUrl(superiorId);
        const isAnchor = sameEntity(superiorId, this.options.trustAnchor);
        const superiorJwt = await this.fetchStatement(wellKnownOf(superiorId));
        const superiorKeys = isAnchor
          ? this.options.trustAnchorJwks
          : (await this.unverifiedClaims(superiorJwt)).jwks;
        const superior = await this.verify(superiorJwt, superiorKeys, superiorId, superiorId);
        const fetchEndpoint = superior.metadata?.federation_entity?.federation_fetch_endpoint;
        if (typeof fetchEndpoint !== 'string') continue;
        this.checkUrl(fetchEndpoint);
        const url = new URL(fetchEndpoint);
        url.searchParams.set('sub', subject.sub);
        const statementJwt = await this.fetchStatement(url.toString());
        const statement = await this.verify(statementJwt, superior.jwks, superiorId, subject.sub);
        // The superior vouches for the subject's keys: the subject's own statement must verify with them.
        await this.verify(subjectJwt, statement.jwks, subject.sub, subject.sub);
        if (isAnchor) return { superiorStatements: [statement], jwts: [statementJwt, superiorJwt] };
        const above = await this.climb(superior, superiorJwt, depth + 1);
        if (above)
          return {
            superiorStatements: [statement, ...above.superiorStatements],
            jwts: [statementJwt, ...above.jwts],
          };
      } catch (error) {
        if (!(error instanceof TrustChainError)) throw error;
        // This hint leads nowhere trusted; another hint may.
      }
    }
    return undefined;
  }

  private async verify(
    jwt: string,
    jwks: PublicJwks | undefined,
    issuer: string,
    subject: string,
  ): Promise<EntityStatement> {
    const jose = await loadJose();
    if (!jwks?.keys?.length) throw new TrustChainError(`No keys to check the statement of ${issuer}`);
    try {
      const { payload } = await jose.jwtVerify(jwt, jose.createLocalJWKSet(jwks as never), {
        issuer,
        subject,
        typ: ENTITY_STATEMENT_TYPE,
        algorithms: ALGORITHMS,
        requiredClaims: ['iat', 'exp'],
      });
      return payload as unknown as EntityStatement;
    } catch (error) {
      throw new TrustChainError(
        `The statement of ${issuer} about ${subject} is not valid: ${(error as Error).message}`,
      );
    }
  }

  private async unverifiedClaims(jwt: string): Promise<EntityStatement> {
    const jose = await loadJose();
    try {
      return jose.decodeJwt(jwt) as unknown as EntityStatement;
    } catch {
      throw new TrustChainError('An entity statement is not a JWT');
    }
  }

  private async fetchStatement(url: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: ENTITY_STATEMENT_MEDIA_TYPE },
        redirect: 'error',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new TrustChainError(`${url} did not answer: ${(error as Error).message}`);
    }
    if (!response.ok) throw new TrustChainError(`${url} answered ${response.status}`);
    return (await response.text()).trim();
  }

  private checkUrl(value: string): void {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new TrustChainError(`Not a URL: ${value}`);
    }
    if (url.protocol !== 'https:' && !(this.options.allowHttp && url.protocol === 'http:'))
      throw new TrustChainError(`Entity ids and endpoints must be https: ${value}`);
  }
}

export const sameEntity = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
